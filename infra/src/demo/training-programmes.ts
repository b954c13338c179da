import { chinaDate } from '@gonghui/service-kit';
import { type DemoCall, demoRequests } from './demo-call';


const DAY = 86_400_000;
const dayFrom = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const at = (day: string, clock: string) => `${day}T${clock}:00+08:00`;

/**
 * The training programmes of the demo (issue #11 items 5–8): a finished enterprise training
 * order with its joint evaluation, a skill competition with results and an award, a holiday
 * childcare class in session, and a job fair with an accepted offer. Each part is made only if
 * its demo record is not there yet, so running the seed again changes nothing. `members` are
 * active members known to training (the seed's enrolled members; at least 7, or nothing is made).
 * `orgUnitId`: the unit the records belong to (the administrator has none of their own).
 */
export async function seedTrainingProgrammes(call: DemoCall, members: readonly string[], log = (m: string) => console.log(m), orgUnitId?: string): Promise<void> {
  const unit = orgUnitId ? { orgUnitId } : {};
  const { must, onceKnown: eventually } = demoRequests(call);
  // Members 0–3 enter the competition, 4–5 are guardians in the childcare class, 6 takes a job.
  if (members.length < 7) {
    log('seed: training programmes need 7 members; skipped');
    return;
  }
  const exists = async (path: string, match: (item: any) => boolean) => ((await must('GET', `${path}?limit=500`)).items as unknown[]).some(match);
  const today = chinaDate(new Date());

  const enterprise = '示范市汉拿电机有限公司';
  if (!(await exists('/api/v1/training/training-orders', (o) => o.enterpriseName === enterprise))) {
    log('seed: a finished training order with its joint evaluation (订单式培训)');
    const instructor = await must('POST', '/api/v1/training/instructors', {
      name: '王德顺',
      specialties: ['维修电工', 'PLC编程'],
      certificates: ['高级技师（维修电工）', '全国技术能手'],
      availability: [{ startsAt: at(dayFrom(today, -40), '08:00'), endsAt: at(dayFrom(today, 60), '18:00') }],
    });
    const order = await must('POST', '/api/v1/training/training-orders', {
      ...unit,
      enterpriseName: enterprise,
      creditCode: '91210700MA0Y7K3P5H',
      skill: '维修电工',
      workers: 30,
      location: '示范市汉拿电机二车间',
      wishedFrom: dayFrom(today, -21),
      wishedTo: dayFrom(today, -14),
    });
    for (const [offset, topic, attended] of [
      [-20, '电机绕组故障排查（现场实操）', 28],
      [-19, '变频器参数设置与维护', 29],
    ] as const) {
      const day = dayFrom(today, offset);
      await must('POST', `/api/v1/training/training-orders/${order.id}/assign-instructor`, { instructorId: instructor.id, startsAt: at(day, '09:00'), endsAt: at(day, '12:00') });
      await must('POST', `/api/v1/training/training-orders/${order.id}/sessions`, { instructorId: instructor.id, startsAt: at(day, '09:00'), endsAt: at(day, '12:00'), topic, attended });
    }
    await must('POST', `/api/v1/training/training-orders/${order.id}/complete`, {});
    await must('POST', `/api/v1/training/training-orders/${order.id}/evaluate`, {
      enterpriseScore: 95,
      traineeScore: 92,
      academyScore: 90,
      outcomes: [
        { measure: '部件合格率', before: 80, after: 95 },
        { measure: '设备故障停机（小时/月）', before: 26, after: 17 },
      ],
      note: '企业反映返修率明显下降',
    });
  }

  const competitionTitle = '示范市第三届职工职业技能大赛';
  if (!(await exists('/api/v1/training/competitions', (c) => c.title === competitionTitle))) {
    log('seed: a skill competition with results (技能竞赛)');
    const competition = await must('POST', '/api/v1/training/competitions', { ...unit, title: competitionTitle });
    const event = await must('POST', `/api/v1/training/competitions/${competition.id}/events`, {
      name: '维修电工',
      tieBreak: 'criteria-in-order',
      criteria: [
        { key: 'quality', name: '作品质量', weight: 60, minScore: 0, maxScore: 100 },
        { key: 'time', name: '用时', weight: 30, minScore: 0, maxScore: 10 },
        { key: 'safety', name: '安全规范', weight: 10, minScore: 0, maxScore: 5 },
      ],
    });
    const judges = [];
    for (const name of ['刘志强（高级技师）', '孙立新（高级工程师）']) judges.push((await must('POST', `/api/v1/training/competition-events/${event.id}/judges`, { name })).id);
    const entrants = [];
    for (const memberId of members.slice(0, 4)) entrants.push((await eventually('POST', `/api/v1/training/competition-events/${event.id}/entrants`, { memberId })).id);
    const sheets = [
      [92, 9, 5],
      [88, 8, 5],
      [95, 7, 4],
      [80, 9, 3],
    ];
    for (const [i, entrantId] of entrants.entries()) {
      for (const [j, judgeId] of judges.entries()) {
        const [quality, time, safety] = sheets[i];
        await must('POST', `/api/v1/training/competition-events/${event.id}/score-sheets`, {
          judgeId,
          entrantId,
          scores: [
            { criterion: 'quality', score: quality - j },
            { criterion: 'time', score: time },
            { criterion: 'safety', score: safety },
          ],
        });
      }
    }
    const ranking = await must('GET', `/api/v1/training/competition-events/${event.id}/ranking`);
    const [winner, second] = ranking.items;
    await must('POST', `/api/v1/training/competition-events/${event.id}/awards`, { entrantId: winner.entrantId, title: '一等奖', honour: 'craftsman', skillLevel: 'master' });
    await must('POST', `/api/v1/training/competition-events/${event.id}/awards`, { entrantId: second.entrantId, title: '二等奖', skillLevel: 'skilled' });
  }

  const className = '示范市职工子女假期托管班（一班）';
  if (!(await exists('/api/v1/training/childcare-classes', (c) => c.name === className))) {
    log('seed: a holiday childcare class in session (托管班)');
    const startsOn = dayFrom(today, -3);
    const klass = await must('POST', '/api/v1/training/childcare-classes', { ...unit, name: className, venue: '示范市职工文化宫 2 楼活动室', ageMin: 8, ageMax: 10, capacity: 30, startsOn, endsOn: dayFrom(today, 10) });
    const children = [
      { childName: '陈思远', birthDate: `${Number(startsOn.slice(0, 4)) - 9}-04-12`, pickup: { name: '陈建华', mobile: '13812340001', relation: '父亲' } },
      { childName: '刘雨涵', birthDate: `${Number(startsOn.slice(0, 4)) - 8}-01-03`, pickup: { name: '张桂芳', mobile: '13812340002', relation: '外婆' } },
    ];
    for (const [i, c] of children.entries()) {
      const child = await eventually('POST', `/api/v1/training/childcare-classes/${klass.id}/children`, {
        guardianMemberId: members[4 + i],
        childName: c.childName,
        birthDate: c.birthDate,
        insurancePolicyNo: `PICC-DEMO-2027-${String(i + 1).padStart(6, '0')}`,
        pickupPeople: [c.pickup],
      });
      if (i === 0) await must('POST', `/api/v1/training/childcare-classes/${klass.id}/sign-ins`, { childId: child.id });
    }
    await must('POST', `/api/v1/training/childcare-classes/${klass.id}/notes`, { kind: 'patrol', day: today, text: '10:30 巡查：室内温度适宜，午休安排有序。' });
  }

  const fairTitle = '示范市冬季“送岗位”专场招聘会';
  if (!(await exists('/api/v1/training/job-fairs', (f) => f.title === fairTitle))) {
    log('seed: a job fair with employers, vacancies and an accepted offer (送岗位)');
    const fair = await must('POST', '/api/v1/training/job-fairs', { ...unit, title: fairTitle, district: '渝北区', heldOn: dayFrom(today, 7), venue: '示范市职工文化宫一楼大厅' });
    const employers = [];
    for (const [name, creditCode] of [
      [enterprise, '91210700MA0Y7K3P5H'],
      ['示范市顺达物流有限公司', '91210703MA0U2XQ84B'],
    ]) {
      employers.push((await must('POST', `/api/v1/training/job-fairs/${fair.id}/employers`, { name, creditCode })).id);
    }
    const electrician = await must('POST', `/api/v1/training/job-fairs/${fair.id}/vacancies`, { employerId: employers[0], position: '维修电工', skills: ['维修电工'], district: '渝北区', employmentForm: 'full-time', openings: 5 });
    await must('POST', `/api/v1/training/job-fairs/${fair.id}/vacancies`, { employerId: employers[1], position: '叉车司机', skills: ['叉车驾驶'], district: '江北区', employmentForm: 'full-time', openings: 8 });
    await must('POST', `/api/v1/training/job-fairs/${fair.id}/vacancies`, { employerId: employers[1], position: '分拣员（灵活用工）', skills: [], district: '渝北区', employmentForm: 'flexible', openings: 20 });
    const offer = await eventually('POST', '/api/v1/training/job-offers', { vacancyId: electrician.id, memberId: members[6] });
    await must('POST', `/api/v1/training/job-offers/${offer.id}/accept`, {});
  }
}
