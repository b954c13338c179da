import { chinaDate } from '@gonghui/service-kit';
import { type DemoCall, demoRequests } from './demo-call';

const CENTRE = '示范市劳动争议调解中心';
const ROSTER = [
  { name: '陈立法', background: 'judge', specialties: ['termination-compensation', 'work-injury'], employerName: '示范市人民法院' },
  { name: '林书律', background: 'lawyer', specialties: ['unpaid-wages', 'social-insurance'], employerName: '示范市明正律师事务所' },
  { name: '王建华', background: 'union-officer', specialties: ['unpaid-wages', 'overtime'], employerName: '示范市总工会' },
  { name: '赵人社', background: 'hr-officer', specialties: ['social-insurance', 'maternity'], employerName: '示范市人力资源和社会保障局' },
  { name: '孙金牌', background: 'community-mediator', specialties: ['unpaid-wages', 'other'], employerName: null },
] as const;

/**
 * The mediation part of the demo (issue #12): a centre with a five-party roster; cases in every
 * stage (open within the clock, a collective one, one lapsed and referred to arbitration, one
 * settled and fully performed, one with an overdue obligation flagged for a visit); a verified
 * hazard report whose reward aid pays. Made only when the roster is not there yet, so running the
 * seed again changes nothing. `members`: at least 4 members known to mediation (by event).
 */
export async function seedMediation(call: DemoCall, members: readonly string[], log = (m: string) => console.log(m)): Promise<void> {
  const { must, onceKnown: eventually } = demoRequests(call);
  const roster = (await must('GET', '/api/v1/mediation/mediators?limit=500')).items as { centreName: string }[];
  if (roster.some((m) => m.centreName === CENTRE)) return;
  log('seed: mediation centre, roster, cases in every stage and a verified hazard report (调解)');

  const today = chinaDate(new Date());
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const mediators: { id: string }[] = [];
  for (const m of ROSTER) {
    mediators.push(await must('POST', '/api/v1/mediation/mediators', { ...m, employerName: m.employerName ?? undefined, specialties: [...m.specialties], centreName: CENTRE, vettingStatus: 'vetted', vettedOn: '2026-03-01', available: true }));
  }
  const [judge, lawyer, union, hr, street] = mediators;
  const receive = (body: object) => eventually('POST', '/api/v1/mediation/cases', { source: 'complaint', ...body });
  const panel = (caseId: string, lead: { id: string }, co: { id: string }[]) => must('POST', `/api/v1/mediation/cases/${caseId}/panel`, { leadMediatorId: lead.id, coMediatorIds: co.map((c) => c.id) });
  const session = (caseId: string, kind: string, heldOn: string, notes: string) =>
    must('POST', `/api/v1/mediation/cases/${caseId}/sessions`, {
      kind,
      heldAt: `${heldOn}T10:00:00+08:00`,
      attendees: [{ side: 'worker', description: '申请人' }, { side: 'employer', description: '人事经理' }, { side: 'mediator', description: '调解员' }],
      notes,
    });

  // Open, within the 15-day clock.
  const open = await receive({
    summary: '外卖骑手被平台合作商拖欠两个月配送费',
    workers: [{ memberId: members[0] }],
    employer: { name: '示范市速达配送服务有限公司', creditCode: '91500112000000001R' },
    claims: [{ type: 'unpaid-wages', amountFen: 1_260_000, description: '9月至10月配送费' }],
    receivedOn: daysAgo(3),
  });
  await panel(open.id, union, [lawyer]);

  // Collective, court-delegated, of non-member workers too.
  await eventually('POST', '/api/v1/mediation/cases', {
    source: 'court-delegation',
    summary: '建筑工地三名工人追讨工资（法院委派调解）',
    // one of them a member: the case belongs to the member's union (the seed acts as the federation administrator, who has none)
    workers: [{ memberId: members[3] }, { name: '刘大勇', contact: '13900001111' }, { name: '黄小军', contact: '13900002222' }, { name: '马向前', contact: '13900003333' }],
    employer: { name: '示范市宏基建筑劳务有限公司' },
    claims: [{ type: 'unpaid-wages', amountFen: 5_400_000 }, { type: 'work-injury', description: '马向前左手骨折，请求工伤待遇' }],
    receivedOn: daysAgo(1),
  });

  // Lapsed without agreement, referred to arbitration (诉调对接).
  const lapsed = await receive({
    summary: '解除劳动合同经济补偿争议',
    workers: [{ memberId: members[1] }],
    employer: { name: '示范市恒达商贸有限公司' },
    claims: [{ type: 'termination-compensation', amountFen: 3_600_000 }],
    receivedOn: daysAgo(20),
  });
  await panel(lapsed.id, judge, [hr]);
  await session(lapsed.id, 'joint', daysAgo(12), '用人单位坚持不支付经济补偿，双方分歧较大');
  await must('POST', `/api/v1/mediation/cases/${lapsed.id}/refer`, { referredTo: 'arbitration', reason: 'lapsed', note: '超过法定调解期限未达成协议，告知申请人申请仲裁' });

  // Settled and fully performed: closed.
  const done = await receive({
    summary: '用人单位未支付生育津贴',
    workers: [{ memberId: members[2] }],
    employer: { name: '示范市某物流有限公司' },
    claims: [{ type: 'maternity', amountFen: 2_500_000 }],
    receivedOn: daysAgo(10),
  });
  await panel(done.id, street, [union, hr]);
  await session(done.id, 'separate', daysAgo(6), '背对背分别做工作，用人单位同意足额支付');
  await must('POST', `/api/v1/mediation/cases/${done.id}/settle`, {
    obligations: [
      { description: '支付生育津贴', amountFen: 2_500_000, dueDate: today },
      { description: '书面道歉', payer: 'employer', payee: 'worker' },
    ],
  });
  for (const signer of [{ party: 'worker', signer: '申请人本人' }, { party: 'employer', signer: '人事经理' }, { party: 'mediator', signer: '孙金牌' }]) {
    await must('POST', `/api/v1/mediation/cases/${done.id}/agreement/signatures`, signer);
  }
  const [allowance, apology] = (await must('GET', `/api/v1/mediation/cases/${done.id}/obligations`)).items as { id: string }[];
  await must('POST', `/api/v1/mediation/cases/${done.id}/obligations/${allowance.id}/payments`, { amountFen: 1_000_000 });
  await must('POST', `/api/v1/mediation/cases/${done.id}/obligations/${allowance.id}/payments`, { amountFen: 1_500_000 });
  await must('POST', `/api/v1/mediation/cases/${done.id}/obligations/${apology.id}/perform`, {});

  // Settled, an obligation overdue: flagged, a follow-up visit scheduled.
  const overdue = await receive({
    summary: '拖欠加班费',
    workers: [{ memberId: members[3] }],
    employer: { name: '示范市精工机械厂' },
    claims: [{ type: 'overtime', amountFen: 860_000 }],
    receivedOn: daysAgo(30),
  });
  await panel(overdue.id, lawyer, [judge]);
  await must('POST', `/api/v1/mediation/cases/${overdue.id}/settle`, { obligations: [{ description: '分两期支付加班费', amountFen: 860_000, dueDate: daysAgo(10) }] });
  const [overtime] = (await must('GET', `/api/v1/mediation/cases/${overdue.id}/obligations`)).items as { id: string }[];
  await must('POST', `/api/v1/mediation/cases/${overdue.id}/obligations/${overtime.id}/payments`, { amountFen: 430_000, paidOn: daysAgo(12) });
  await must('POST', `/api/v1/mediation/cases/${overdue.id}/agreement/judicial-confirmation`, { court: '示范市人民法院', requestedOn: today });
  await must('POST', '/api/v1/mediation/follow-ups/flag-overdue', {});

  // A real-name hazard report, verified: aid pays the 3,000-yuan reward from the event.
  const report = await eventually('POST', '/api/v1/mediation/hazard-reports', {
    memberId: members[0],
    reporterName: '张伟',
    enterpriseName: '示范市某化工有限公司',
    description: '三号车间消防通道长期堆放易燃原料，应急照明损坏',
  });
  await must('POST', `/api/v1/mediation/hazard-reports/${report.id}/verify`, { rewardLevel: 2 });
}
