import { chinaDate } from '@gonghui/service-kit';
import { type DemoCall as Call, demoRequests } from './demo-call';


const daysAgo = (days: number) => chinaDate(new Date(Date.now() - days * 86_400_000));

/** The visit's six clears (六清) for a demo household; the details are sealed by aid at rest. */
const visit = (visitedOn: string, householdSize: number, incomeFen: number, incomeSources: string, housing: string, health: string, childrenSchooling: string) => ({
  visitedOn,
  householdSize,
  monthlyHouseholdIncomeFen: incomeFen,
  incomeSources,
  housing,
  health,
  childrenSchooling,
});

interface DemoFile {
  cause: string;
  grade: string;
  household: string;
  visit: ReturnType<typeof visit>;
  furtherVisit?: string;
  review?: { decision: 'keep' | 'close'; reason?: string };
  referral?: { skills: string[]; employmentForm: string };
  bank?: { bankName: string; accountNumber: string };
}

const FILES: DemoFile[] = [
  {
    cause: 'illness',
    grade: 'deep',
    household: '渝北区龙溪街道松石北路88号3-2',
    // not visited for more than a year: the aid desk's "due a visit" list shows it
    visit: visit(daysAgo(420), 4, 180_000, '本人工资，丈夫无业', '租住单间', '丈夫尿毒症，每周透析三次', '一女读初中'),
    bank: { bankName: '中国工商银行重庆渝北支行', accountNumber: '6222021234567890123' },
  },
  {
    cause: 'unemployment',
    grade: 'relative',
    household: '渝北区仙桃街道数据谷东路19号1-5',
    visit: visit(daysAgo(90), 3, 260_000, '配偶打零工', '自有住房（按揭）', '本人腰椎间盘突出', '一子读小学'),
    furtherVisit: '本人有意再就业，已报名电工培训；家庭开支仍紧张',
    referral: { skills: ['电工', '叉车驾驶'], employmentForm: 'full-time' },
    bank: { bankName: '中国建设银行重庆渝北支行', accountNumber: '6227003811110000123' },
  },
  {
    cause: 'accident',
    grade: 'sudden-accident',
    household: '渝北区龙溪街道红锦大道66号9-1',
    visit: visit(daysAgo(20), 5, 150_000, '本人工伤停工，靠妻子工资', '租住两居室', '本人工伤右腿骨折，住院治疗', '二子读小学、初中'),
    furtherVisit: '出院回家休养，工伤认定已受理',
    bank: { bankName: '重庆农村商业银行渝北支行', accountNumber: '6230901234000088' },
  },
  {
    cause: 'disability',
    grade: 'relative',
    household: '渝北区仙桃街道金山路5号2-3',
    visit: visit(daysAgo(300), 2, 320_000, '本人工资，残疾补贴', '单位公租房', '本人肢体三级残疾', '无'),
    // the annual review found the household out of hardship (脱困)
    review: { decision: 'close', reason: '本人已调岗至质检岗位稳定就业，家庭人均收入超过当地低保标准两倍' },
  },
  {
    cause: 'education',
    grade: 'deep',
    household: '渝北区龙溪街道新南路12号4-4',
    visit: visit(daysAgo(200), 4, 210_000, '本人工资', '租住单间', '母亲长期卧床', '二子读大学、高中'),
    furtherVisit: '长子获助学金，次子成绩良好',
    review: { decision: 'keep', reason: '两子仍在读，家庭收入未改善' },
  },
];

/**
 * Demo hardship files in 渝北区 (aid-files): one in each grade and more, with further visits, a
 * file not visited for over a year, one reviewed and kept, one reviewed and closed as out of
 * hardship (脱困), an employment referral, and bank accounts for a few members. Re-runnable: a
 * district that already has graded files is left as it is.
 */
export async function seedAidFiles(call: Call, yubeiDistrictId: string, log: (message: string) => void = console.log): Promise<void> {
  const existing = await call('GET', `/api/v1/aid/hardship-files?orgUnitId=${yubeiDistrictId}&limit=500`);
  if (existing.status === 200 && existing.body.items.some((f: { grade: string | null }) => f.grade !== null)) {
    log('seed: 渝北区 hardship files already seeded');
    return;
  }
  log('seed: 渝北区 hardship files, visits, a review, a referral and bank accounts');
  const members = await call('GET', `/api/v1/membership/members?orgUnitId=${yubeiDistrictId}&status=active&limit=60`);
  if (members.status !== 200) throw new Error(`seed: listing 渝北区 members answered ${members.status}`);
  const candidates: string[] = members.body.items.map((m: { id: string }) => m.id);

  let next = 0;
  for (const demo of FILES) {
    let file: { id: string; memberId: string } | null = null;
    // aid learns of members from membership's events: a member not known yet (422) is retried, one with a file (409) skipped
    for (let attempt = 0; file === null && attempt < 150 && next < candidates.length; attempt++) {
      const res = await call('POST', '/api/v1/aid/hardship-files', { memberId: candidates[next], cause: demo.cause, grade: demo.grade, household: demo.household, visit: demo.visit });
      if (res.status === 201) file = res.body;
      else if (res.status === 409 && res.body?.type?.endsWith('household-file-open')) return log('seed: 渝北区 demo households already on file');
      else if (res.status === 409) next++;
      else if (res.status === 422) await new Promise((r) => setTimeout(r, 300));
      else throw new Error(`seed: opening a hardship file answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    if (!file) throw new Error('seed: no 渝北区 member could be given a hardship file');
    next++;
    const { must } = demoRequests(call);
    if (demo.furtherVisit) await must('POST', `/api/v1/aid/hardship-files/${file.id}/visits`, { visitedOn: daysAgo(3), notes: demo.furtherVisit });
    if (demo.referral) await must('POST', `/api/v1/aid/hardship-files/${file.id}/employment-referrals`, { ableAndWilling: true, preferredDistrict: '渝北区', ...demo.referral });
    if (demo.review) await must('POST', `/api/v1/aid/hardship-files/${file.id}/review`, { reviewedOn: daysAgo(1), ...demo.review });
    if (demo.bank) await must('PUT', `/api/v1/aid/members/${file.memberId}/bank-account`, { ...demo.bank, accountName: await memberName(call, file.memberId) });
  }
}

async function memberName(call: Call, memberId: string): Promise<string> {
  const res = await call('GET', `/api/v1/membership/members/${memberId}`);
  return res.status === 200 && typeof res.body.name === 'string' ? res.body.name : '账户持有人';
}
