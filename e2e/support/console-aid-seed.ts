import { http, type HttpResult } from '@gonghui/testing';

/**
 * The aid desk the browser tests work on, made through the aid API on top of the console's small
 * federation (console-seed.ts): a city fund allocated to 渝北区, and one 渝北区 member with a
 * hardship file (graded deep) and a bank account, ready for an application.
 */
/**
 * Send a request about a member once aid knows them: aid learns of members from membership's events,
 * and until the enrolment arrives it answers 422 unknown-member (or 404). Those are retried for 30 s;
 * any other answer comes back as it is, for the caller to judge.
 */
export async function whenAidKnowsMember(send: () => Promise<HttpResult>): Promise<HttpResult> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await send();
    const unknownMember = res.status === 404 || (res.status === 422 && String(res.body?.type).endsWith('/unknown-member'));
    if (!unknownMember || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 300));
  }
}

export interface AidDeskSeed {
  cityBudgetId: string;
  districtBudgetId: string;
  districtBudgetName: string;
  fileId: string;
  memberId: string;
  memberName: string;
}

export const DISTRICT_BUDGET_NAME = '渝北区2026年度困难职工帮扶资金';

export async function seedAidDesk(gw: string, token: string, yubeiUnionId: string): Promise<AidDeskSeed> {
  const call = (method: string, path: string, body?: unknown) => http(method, `${gw}${path}`, { token, body });
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`aid desk seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const units = (await must('GET', '/api/v1/membership/org-units?limit=500')).items as { id: string; name: string; path: string; parentId: string | null }[];
  const root = units.find((u) => u.parentId === null)!;
  const district = units.find((u) => u.name === '渝北区总工会')!;
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

  const city = await must('POST', '/api/v1/aid/budgets', { name: `示范市总工会${year}年度帮扶资金`, year, source: 'federation-appropriation', amountFen: 50_000_000, orgUnitPath: root.path });
  const districtBudget = await must('POST', `/api/v1/aid/budgets/${city.id}/allocate`, { orgUnitPath: district.path, amountFen: 20_000_000, name: DISTRICT_BUDGET_NAME });

  const member = (await must('GET', `/api/v1/membership/members?orgUnitId=${yubeiUnionId}&limit=1`)).items[0] as { id: string; name: string };
  const visitedOn = new Date(Date.now() + 8 * 3600_000 - 30 * 86_400_000).toISOString().slice(0, 10);
  const opened = await whenAidKnowsMember(() =>
    call('POST', '/api/v1/aid/hardship-files', {
      memberId: member.id,
      cause: 'illness',
      grade: 'deep',
      visit: { visitedOn, householdSize: 4, monthlyHouseholdIncomeFen: 280_000, incomeSources: '本人工资', housing: '租住单间', health: '配偶长期患病', childrenSchooling: '一子读初中' },
    }),
  );
  if (opened.status !== 201) throw new Error(`aid desk seed: opening the file answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  const file = opened.body as { id: string };
  await must('PUT', `/api/v1/aid/members/${member.id}/bank-account`, { bankName: '中国工商银行重庆渝北支行', accountName: member.name, accountNumber: '6222 0200 1234 5678 901' });
  return { cityBudgetId: city.id, districtBudgetId: districtBudget.id, districtBudgetName: DISTRICT_BUDGET_NAME, fileId: file.id, memberId: member.id, memberName: member.name };
}
