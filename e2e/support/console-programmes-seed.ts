import { http } from '@gonghui/testing';

/**
 * What the training and mediation pages work on, made through their APIs on top of the console's
 * small federation (console-seed.ts): a session of two seats already full, a course with a certificate
 * issued (for the public verification page), a mediator, and three 渝北区 cases received 2, 10 and
 * 20 days ago (green, orange and lapsed on the 15-day clock); one more than a board column's page of
 * declined cases; a competition event with a judge and two entrants; a childcare class that began
 * yesterday with one child signed in today.
 */
export interface ProgrammesSeed {
  fullSessionId: string;
  /** A 渝北区 member who has no seat on the full session: the one the browser books. */
  waitingMemberName: string;
  verificationCode: string;
  caseIds: { calm: string; nearing: string; lapsed: string };
  /** Declined 渝北区 cases: one more than the board loads into a column at once. */
  declinedCases: number;
  /** The entrants' member ids and, in the same order, their names (what the console shows of them). */
  competition: { title: string; judge: string; entrants: string[]; entrantNames: string[] };
  childcare: { className: string; childName: string };
}

export const FULL_SESSION_TITLE = '叉车司机安全操作培训';
/** The board's cases per column and per “load more” (console/src/pages/mediation/CasesPage.tsx). */
export const BOARD_COLUMN_PAGE = 12;
export const chinaDate = (daysAgo: number) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

export async function seedProgrammes(gw: string, token: string, yubeiUnionId: string): Promise<ProgrammesSeed> {
  const call = (method: string, path: string, body?: unknown) => http(method, `${gw}${path}`, { token, body });
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`programmes seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  // Training and mediation learn members from membership's events: retry a 404/422 until they do.
  const eventually = async (method: string, path: string, body: unknown) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await call(method, path, body);
      if (res.status < 300) return res.body;
      if (![404, 422].includes(res.status) || Date.now() > deadline)
        throw new Error(`programmes seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const members = (await must('GET', `/api/v1/membership/members?orgUnitId=${yubeiUnionId}&limit=10`)).items as {
    id: string;
    name: string;
  }[];
  const hour = 3600_000;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();

  const full = await must('POST', '/api/v1/training/sessions', {
    courseTitle: FULL_SESSION_TITLE,
    startsAt: at(72 * hour),
    endsAt: at(75 * hour),
    location: '渝北区职工服务中心 302 教室',
    capacity: 2,
    orgUnitId: yubeiUnionId,
  });
  for (const member of members.slice(0, 2))
    await eventually('POST', `/api/v1/training/sessions/${full.id}/bookings`, { memberId: member.id });

  // A course whose session starts in half an hour (sign-in opens an hour before): a seat, the instructor marks the trainee present, a certificate.
  const course = await must('POST', '/api/v1/training/courses', {
    title: '电工（中级）取证班',
    category: 'certification',
    description: '低压电工作业，理论与实操',
    provider: '示范市工匠学院',
    freeForMembers: true,
    grantsSkillLevel: 'skilled',
    certificateValidMonths: 36,
    orgUnitId: yubeiUnionId,
  });
  const running = await must('POST', '/api/v1/training/sessions', {
    courseId: course.id,
    courseTitle: course.title,
    startsAt: at(hour / 2),
    endsAt: at(3 * hour),
    location: '工匠学院实训车间',
    capacity: 20,
    orgUnitId: yubeiUnionId,
  });
  const trainee = members[2];
  await eventually('POST', `/api/v1/training/sessions/${running.id}/bookings`, { memberId: trainee.id });
  await must('POST', `/api/v1/training/sessions/${running.id}/attendance`, { memberId: trainee.id });
  const certificate = await must('POST', '/api/v1/training/certificates', {
    courseId: course.id,
    memberId: trainee.id,
    holderName: trainee.name,
  });

  // A roster belongs to the registering officer's unit: the 渝北区 officer registers the district's mediator.
  const officer = (await http('POST', `${gw}/api/v1/auth/token`, { body: { username: 'yubei.officer', password: 'Gonghui@2026' } })).body
    .accessToken as string;
  const mediator = await http('POST', `${gw}/api/v1/mediation/mediators`, {
    token: officer,
    body: {
      name: '周建国',
      background: 'union-officer',
      specialties: ['unpaid-wages', 'overtime'],
      centreName: '渝北区劳动争议调解中心',
      vettingStatus: 'vetted',
      vettedOn: chinaDate(100),
      available: true,
    },
  });
  if (mediator.status !== 201)
    throw new Error(`programmes seed: registering the mediator answered ${mediator.status}: ${JSON.stringify(mediator.body)}`);
  const intake = (daysAgo: number, member: { id: string }, employer: string, summary: string) =>
    eventually('POST', '/api/v1/mediation/cases', {
      source: 'complaint',
      summary,
      workers: [{ memberId: member.id }],
      employer: { name: employer },
      claims: [{ type: 'unpaid-wages', amountFen: 860_000 }],
      receivedOn: chinaDate(daysAgo),
    });
  const calm = await intake(2, members[3], '重庆某餐饮管理有限公司', '拖欠两个月工资');
  const nearing = await intake(10, members[4], '重庆某物流有限公司', '加班费未足额支付');
  const lapsed = await intake(20, members[5], '重庆某建筑劳务有限公司', '解除劳动合同未支付经济补偿');
  for (let i = 0; i <= BOARD_COLUMN_PAGE; i++) {
    const declined = await intake(1, members[i % members.length], `重庆某家政服务有限公司 ${i + 1} 号店`, '非劳动关系的服务费纠纷');
    await must('POST', `/api/v1/mediation/cases/${declined.id}/decline`, { reason: '不属于劳动争议调解受理范围' });
  }

  // A skill competition of the district: one event (theory 30 %, practice 70 %), a judge and two entrants.
  const competition = await must('POST', '/api/v1/training/competitions', { title: '渝北区职工电工技能比武', orgUnitId: yubeiUnionId });
  const event = await must('POST', `/api/v1/training/competitions/${competition.id}/events`, {
    name: '低压电工',
    tieBreak: 'criteria-in-order',
    criteria: [
      { key: 'theory', name: '理论', weight: 30, minScore: 0, maxScore: 100 },
      { key: 'practice', name: '实操', weight: 70, minScore: 0, maxScore: 100 },
    ],
  });
  await must('POST', `/api/v1/training/competition-events/${event.id}/judges`, { name: '李志刚（高级技师）' });
  for (const member of members.slice(0, 2))
    await eventually('POST', `/api/v1/training/competition-events/${event.id}/entrants`, { memberId: member.id });

  // A childcare class that began yesterday, open all day (so the child is “in class”, whatever the hour), one child signed in today.
  const klass = await must('POST', '/api/v1/training/childcare-classes', {
    name: '寒假职工子女托管班（渝北）',
    venue: '渝北区职工之家',
    ageMin: 6,
    ageMax: 12,
    capacity: 20,
    startsOn: chinaDate(1),
    endsOn: chinaDate(-10),
    opensAt: '00:00',
    closesAt: '23:59',
    orgUnitId: yubeiUnionId,
  });
  const child = await eventually('POST', `/api/v1/training/childcare-classes/${klass.id}/children`, {
    guardianMemberId: members[2].id,
    childName: '王小明',
    birthDate: `${Number(chinaDate(0).slice(0, 4)) - 9}-01-15`,
    insurancePolicyNo: 'PICC-CQ-2027-000123',
    pickupPeople: [{ name: '王建国', mobile: '13812345678', relation: '父亲' }],
  });
  await must('POST', `/api/v1/training/childcare-classes/${klass.id}/sign-ins`, { childId: child.id });

  return {
    fullSessionId: full.id,
    waitingMemberName: members[3].name,
    verificationCode: certificate.verificationCode,
    caseIds: { calm: calm.id, nearing: nearing.id, lapsed: lapsed.id },
    declinedCases: BOARD_COLUMN_PAGE + 1,
    competition: { title: competition.title, judge: '李志刚（高级技师）', entrants: members.slice(0, 2).map((m) => m.id), entrantNames: members.slice(0, 2).map((m) => m.name) },
    childcare: { className: klass.name, childName: '王*明' },
  };
}
