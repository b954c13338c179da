import { chinaDate } from '@gonghui/service-kit';
import { type DemoCall as Call, demoRequests } from './demo-call';

const daysAgo = (days: number) => chinaDate(new Date(Date.now() - days * 86_400_000));
const daysAhead = (days: number) => daysAgo(-days);
const PLAN = '渝北区职工医疗互助';

const SHOP = '渝北区总工会爱心超市';
const HOME = '回兴街道职工之家';
/** The seed article's single father, delivering food with his child: a nursery place, three free items a month at the charity shop, a monthly laundry and haircut, counselling. */
const SINGLE_FATHER_PACKAGE = [
  { itemKind: 'nursery-place', quantityPerPeriod: 1, period: 'package', servicePoint: '渝北区职工子女托育园' },
  { itemKind: 'charity-shop-item', quantityPerPeriod: 3, period: 'month', servicePoint: SHOP },
  { itemKind: 'laundry', quantityPerPeriod: 1, period: 'month', servicePoint: HOME },
  { itemKind: 'haircut', quantityPerPeriod: 1, period: 'month', servicePoint: HOME },
  { itemKind: 'counselling', quantityPerPeriod: 2, period: 'month', servicePoint: '渝北区职工心理服务站' },
];

type Member = { id: string; gender?: string };

/**
 * Demo of aid-benefits in 渝北区: the single father's in-kind package in use (a hardship file,
 * the package, this month's redemptions by code), and the district's medical mutual-aid plan
 * (gig workers covered free from their enrolment events) with claims of two of its gig workers: a
 * 100,000-yuan bill reimbursed with 13,000 yuan, a small claim approved in the fast channel,
 * both paid through a payment batch on the plan's budget settled from the bank's result,
 * one awaiting an officer. Re-runnable: a district that has the plan is left as it is.
 */
export async function seedAidBenefits(call: Call, yubeiDistrictId: string, log: (message: string) => void = console.log): Promise<void> {
  const { must, onceKnown } = demoRequests(call);
  const year = Number(daysAgo(0).slice(0, 4));
  const existing = await must('GET', '/api/v1/aid/medical-plans?limit=500');
  if (existing.items.some((p: { name: string; year: number }) => p.name === PLAN && p.year === year)) return log('seed: aid benefit packages and medical mutual aid already seeded');
  log('seed: an in-kind benefit package in use, a medical mutual-aid plan with claims');
  const yubei = await must('GET', `/api/v1/membership/org-units/${yubeiDistrictId}`);
  const membersOf = async (form: string): Promise<Member[]> => (await must('GET', `/api/v1/membership/members?orgUnitId=${yubeiDistrictId}&status=active&employmentForm=${form}&limit=60`)).items;

  // 1. the single father: a delivery rider's hardship file and his package
  const riders = await membersOf('gig-delivery');
  const fathers = [...riders.filter((m) => m.gender === 'male'), ...riders.filter((m) => m.gender !== 'male')];
  let file: { id: string; memberId: string } | null = null;
  for (let next = 0, attempt = 0; file === null && next < fathers.length && attempt < 200; attempt++) {
    const res = await call('POST', '/api/v1/aid/hardship-files', {
      memberId: fathers[next].id,
      cause: 'other',
      grade: 'relative',
      household: '渝北区回兴街道宝圣大道201号6-3',
      visit: { visitedOn: daysAgo(45), householdSize: 2, monthlyHouseholdIncomeFen: 420_000, incomeSources: '本人外卖配送收入', housing: '租住单间', health: '父子健康', childrenSchooling: '一子两岁，无人照看，常随父送餐' },
    });
    if (res.status === 201) file = res.body;
    else if (res.status === 409) next++; // already has a file, or a household on file
    else if (res.status === 422) await new Promise((r) => setTimeout(r, 300)); // aid does not know the member yet
    else throw new Error(`seed: opening the single father's file answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  if (!file) throw new Error('seed: no 渝北区 delivery rider could be given the single father’s file');
  const singleFather = file.memberId;
  const pkg = await must('POST', '/api/v1/aid/benefit-packages', { hardshipFileId: file.id, name: '单亲父亲常态化帮扶包', startsOn: daysAgo(40), endsOn: daysAhead(325), entitlements: SINGLE_FATHER_PACKAGE });
  // this month at the service points: the nursery place taken up, two shop items, a laundry, a counselling session
  for (const [itemKind, servicePoint] of [
    ['nursery-place', '渝北区职工子女托育园'],
    ['charity-shop-item', SHOP],
    ['charity-shop-item', SHOP],
    ['laundry', HOME],
    ['counselling', '渝北区职工心理服务站'],
  ]) {
    const { code } = await must('POST', `/api/v1/aid/benefit-packages/${pkg.id}/codes`, {});
    await must('POST', '/api/v1/aid/benefit-redemptions', { code, itemKind, servicePoint });
  }

  // 2. medical mutual aid: the plan (gig workers covered free), paid from the district's fund
  const budget = await must('POST', '/api/v1/aid/budgets', { name: '渝北区职工医疗互助资金', year, source: 'union-dues', amountFen: 50_000_000, orgUnitPath: yubei.path });
  const plan = await must('POST', '/api/v1/aid/medical-plans', {
    name: PLAN,
    year,
    budgetId: budget.id,
    contributionFen: 3_000,
    deductibleFen: 100_000,
    reimbursementPercent: 50,
    yearlyCapFen: 3_000_000,
    fastChannelLimitFen: 200_000,
    gigWorkersFree: true,
  });
  const claim = (memberId: string, billTotalFen: number, insuranceFen: number, documents: string[]) =>
    onceKnown('POST', '/api/v1/aid/medical-claims', { planId: plan.id, memberId, billTotalFen, insuranceFen, selfPaidFen: billTotalFen - insuranceFen, documents });

  // The claimants are the district's own gig workers: the seed's ride-hailing drivers' and couriers' unions are
  // city-wide, outside the plan's subtree, so 渝北区 has delivery riders (one of them the single father) instead.
  const gigWorkers = [...(await membersOf('gig-ride-hailing')), ...(await membersOf('gig-courier')), ...riders].filter((m) => m.id !== singleFather);
  const [driver, courier] = gigWorkers;
  // a gig worker's bill of 100,000 yuan: insurance 73,000; (27,000 − 1,000) × 50 % = 13,000 reimbursed
  const approved: string[] = [];
  if (driver) {
    const big = await claim(driver.id, 10_000_000, 7_300_000, ['invoice', 'insurance-settlement', 'discharge-summary']);
    await must('POST', `/api/v1/aid/medical-claims/${big.id}/approve`, {});
    approved.push(big.id);
  }
  // another's small claim with complete documents: approved at once in the fast channel
  if (courier) {
    const small = await claim(courier.id, 600_000, 380_000, ['invoice', 'insurance-settlement']);
    if (small.status === 'submitted') await must('POST', `/api/v1/aid/medical-claims/${small.id}/approve`, {});
    approved.push(small.id);
  }
  // both paid the way the fund pays: a payment batch on the plan's budget, and the bank's result marking them paid
  if (approved.length > 0) {
    const batch = await must('POST', '/api/v1/aid/payment-batches', { budgetId: budget.id });
    const instructions = await must('GET', `/api/v1/aid/payment-batches/${batch.id}/instructions?limit=500`);
    const lines = instructions.items
      .filter((i: { medicalClaimId: string | null }) => i.medicalClaimId !== null && approved.includes(i.medicalClaimId))
      .map((i: { id: string }, n: number) => `${i.id},paid,ICBC${daysAgo(0).replace(/-/g, '')}MA${String(n + 1).padStart(2, '0')},`);
    await must('POST', `/api/v1/aid/payment-batches/${batch.id}/results`, { content: `reference,status,bankReference,reason\n${lines.join('\n')}\n` });
  }
  // a regular worker joins (30 yuan) and has a claim waiting for the officer
  const [worker] = await membersOf('regular');
  if (worker) {
    await onceKnown('POST', `/api/v1/aid/medical-plans/${plan.id}/members`, { memberId: worker.id });
    await claim(worker.id, 3_000_000, 2_000_000, ['invoice', 'insurance-settlement']);
  }
}
