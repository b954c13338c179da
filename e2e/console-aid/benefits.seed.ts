import { http, type HttpResult } from '@gonghui/testing';
import { makeNationalId } from '../../infra/src/demo-people';
import { whenAidKnowsMember } from '../support/console-aid-seed';

/**
 * What the benefit-package and medical mutual-aid browser tests start from, made through the aid
 * API on top of the console's small federation (support/console-seed.ts):
 * - a 渝北区 courier of this flow's own (赵建军, a single father) with an open hardship file, for the
 *   package the officer sets up in the browser;
 * - 渝北区's medical mutual-aid plan of the year on a district fund (deductible 1,000 yuan, 50 %,
 *   cap 30,000 yuan), which a regular worker of this flow's own (孙丽) has joined, for the claim filed in the browser.
 */
export interface BenefitsSeed {
  fileId: string;
  packageMemberId: string;
  packageMemberName: string;
  planId: string;
  planName: string;
  claimMemberId: string;
  claimMemberName: string;
}

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function seedBenefits(gw: string, token: string, yubeiUnionId: string): Promise<BenefitsSeed> {
  const call = (method: string, path: string, body?: unknown) => http(method, `${gw}${path}`, { token, body });
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`benefits seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** Send once aid knows the member; any answer but the expected ones stops the seed. */
  const untilAidKnows = async (what: string, send: () => Promise<HttpResult>, done: (status: number) => boolean) => {
    const res = await whenAidKnowsMember(send);
    if (!done(res.status)) throw new Error(`benefits seed: ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };
  const enrol = (name: string, sex: 'm' | 'f', mobile: string, employmentForm: string) =>
    must('POST', '/api/v1/membership/members', {
      name,
      nationalId: makeNationalId({ region: '500112', sex }),
      mobile,
      orgUnitId: yubeiUnionId,
      employmentForm,
    }) as Promise<{ id: string }>;
  const district = ((await must('GET', '/api/v1/membership/org-units?limit=500')).items as { name: string; path: string }[]).find(
    (u) => u.name === '渝北区总工会',
  )!;
  const year = Number(chinaToday().slice(0, 4));

  const names = { courier: '赵建军', worker: '孙丽' };
  const courier = await enrol(names.courier, 'm', '13800139101', 'gig-courier');
  const worker = await enrol(names.worker, 'f', '13800139102', 'regular');
  const visitedOn = new Date(Date.now() + 8 * 3600_000 - 20 * 86_400_000).toISOString().slice(0, 10);
  const opened = await untilAidKnows(
    'opening the hardship file',
    () =>
      call('POST', '/api/v1/aid/hardship-files', {
        memberId: courier.id,
        cause: 'illness',
        grade: 'deep',
        visit: {
          visitedOn,
          householdSize: 2,
          monthlyHouseholdIncomeFen: 320_000,
          incomeSources: '快递派送收入',
          housing: '租住单间',
          health: '本人腰椎损伤',
          childrenSchooling: '一子两岁，未入托',
        },
      }),
    (status) => status === 201,
  );

  // The plan, on a district fund of its own, and a regular worker who joined it (paying the contribution).
  const budget = await must('POST', '/api/v1/aid/budgets', {
    name: `渝北区${year}年度职工医疗互助资金`,
    year,
    source: 'union-dues',
    amountFen: 5_000_000,
    orgUnitPath: district.path,
  });
  const planName = `渝北区${year}年度职工医疗互助`;
  const plan = await must('POST', '/api/v1/aid/medical-plans', {
    name: planName,
    year,
    budgetId: budget.id,
    contributionFen: 3_000,
    deductibleFen: 100_000,
    reimbursementPercent: 50,
    yearlyCapFen: 3_000_000,
    fastChannelLimitFen: 200_000,
    gigWorkersFree: false,
  });
  await untilAidKnows(
    'joining the plan',
    () => call('POST', `/api/v1/aid/medical-plans/${plan.id}/members`, { memberId: worker.id }),
    (status) => status === 201 || status === 409,
  );
  return { fileId: opened.body.id, packageMemberId: courier.id, packageMemberName: names.courier, planId: plan.id, planName, claimMemberId: worker.id, claimMemberName: names.worker };
}
