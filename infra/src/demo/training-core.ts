import { type DemoCall, demoRequests } from './demo-call';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The catalogue of the demo (课程超市): culture and sport, skills and certification courses, as a workers' cultural palace runs them. */
const COURSES = [
  { title: '职工合唱团（周三班）', category: 'culture-sport', description: '市职工合唱团排练，声部训练与合唱曲目《我和我的祖国》', provider: '示范市职工文化宫', freeForMembers: true },
  { title: '瑜伽与肩颈放松', category: 'culture-sport', description: '面向久坐岗位职工的瑜伽入门与肩颈放松', provider: '示范市职工文化宫', freeForMembers: true },
  { title: '计算机基础与办公软件', category: 'skills', description: 'Windows 基础、WPS 文字表格演示，结业考核合格颁发结业证书', provider: '示范市职工学校', freeForMembers: true, hasAssessment: true, certificateValidMonths: 1 },
  { title: '低压电工作业（取证班）', category: 'certification', description: '理论 24 学时、实操 32 学时，考核合格者参加特种作业操作证考试', provider: '示范市总工会工匠学院', freeForMembers: true, hasAssessment: true, grantsSkillLevel: 'skilled', certificateValidMonths: 72 },
  { title: '高级维修电工（技能提升）', category: 'skills', description: 'PLC 与变频器维修，面向已取得熟手等级的职工', provider: '示范市总工会工匠学院', freeForMembers: false, feeFen: 38_000, minSkillLevel: 'skilled', grantsSkillLevel: 'master' },
  { title: '外卖骑手交通安全与应急救护', category: 'skills', description: '面向新就业形态劳动者：道路安全、心肺复苏与止血包扎', provider: '示范市红十字会', freeForMembers: true, gigWorkersOnly: true },
] as const;

/**
 * The training core of the demo (issue #11 items 1–4): the catalogue above; a choir session that
 * is full with a waiting list; an electrician certification class held today whose trainees were
 * marked present, passed and got certificates (one granting 熟手 to membership); a computing
 * certificate that expires within 30 days. Made only when the catalogue is not there yet, so
 * running the seed again changes nothing. `members`: at least 6 active members known to training.
 */
export async function seedTrainingCore(call: DemoCall, members: readonly string[], log = (m: string) => console.log(m)): Promise<void> {
  const { must, onceKnown: eventually } = demoRequests(call);
  const catalogue = (await must('GET', '/api/v1/training/courses?limit=500')).items as { title: string }[];
  if (catalogue.some((c) => c.title === COURSES[0].title)) return;

  log('seed: the training catalogue, a full session with a waiting list, certificates (课程超市、候补、证书)');
  const course: Record<string, string> = {};
  for (const c of COURSES) course[c.title] = (await must('POST', '/api/v1/training/courses', c)).id;

  const inDays = (n: number, hour: number) => new Date(Math.floor((Date.now() + n * DAY) / DAY) * DAY + (hour - 8) * 3_600_000);
  const session = async (title: string, startsAt: Date, hours: number, capacity: number, location: string) =>
    (await must('POST', '/api/v1/training/sessions', { courseId: course[title], startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + hours * 3_600_000).toISOString(), location, capacity })).id as string;

  // A choir rehearsal of 3 places and 5 who want one: 3 booked, 2 on the waiting list in arrival order.
  const choir = await session(COURSES[0].title, inDays(3, 19), 2, 3, '示范市职工文化宫 5 楼排练厅');
  for (const memberId of members.slice(0, 5)) await eventually('POST', `/api/v1/training/sessions/${choir}/bookings`, { memberId });
  await session(COURSES[1].title, inDays(5, 18), 1.5, 25, '示范市职工文化宫健身房');
  await session(COURSES[4].title, inDays(10, 9), 6, 20, '示范市总工会工匠学院实训楼');

  // The electrician class and a computing class held now: trainees marked present by the instructor, assessed, certified.
  const now = new Date(Date.now() + 30 * MINUTE);
  const electricians = await session(COURSES[3].title, now, 3, 30, '示范市总工会工匠学院实训楼 2 层');
  const computing = await session(COURSES[2].title, now, 3, 30, '示范市职工学校机房');
  const names = ['张伟', '李娜', '王强'];
  for (const [i, memberId] of members.slice(0, 2).entries()) {
    await eventually('POST', `/api/v1/training/sessions/${electricians}/bookings`, { memberId });
    await must('POST', `/api/v1/training/sessions/${electricians}/attendance`, { memberId, signedOut: true });
    await must('POST', `/api/v1/training/courses/${course[COURSES[3].title]}/assessments`, { memberId, passed: true, score: 86 + i * 5 });
    await must('POST', '/api/v1/training/certificates', { courseId: course[COURSES[3].title], memberId, holderName: names[i] });
  }
  const learner = members[5];
  await eventually('POST', `/api/v1/training/sessions/${computing}/bookings`, { memberId: learner });
  await must('POST', `/api/v1/training/sessions/${computing}/attendance`, { memberId: learner });
  await must('POST', `/api/v1/training/courses/${course[COURSES[2].title]}/assessments`, { memberId: learner, passed: true, score: 78 });
  await must('POST', '/api/v1/training/certificates', { courseId: course[COURSES[2].title], memberId: learner, holderName: names[2] });
}
