import { randomUUID } from 'node:crypto';
import { chinaDate } from '@gonghui/service-kit';
import { type DemoCall as Call, demoRequests } from './demo-call';

const CAMPAIGN = '两节送温暖（渝北区）';
const WARMTH_FEN = 33_875; // 338.75 yuan: the seeds' 5.42 million yuan over 16,000 workers

/**
 * Demo of a finished Spring Festival campaign (两节送温暖) at 渝北区 (aid-campaigns): its own budget,
 * the rules (deep or relative hardship), a district roster nomination (with a person also on
 * file, two without a file, and an id aid does not know), a first cross-check that finds the
 * missed, the hardship-file channel that brings them in, the final cross-check report, the
 * confirmation into a payment batch, the bank's result and the close. Re-runnable: a district
 * that already has the campaign is left as it is. Runs after seedAidFiles and seedAidMoney.
 */
export async function seedAidCampaigns(call: Call, yubeiDistrictId: string, log: (message: string) => void = console.log): Promise<void> {
  const { must } = demoRequests(call);
  const existing = await must('GET', '/api/v1/aid/campaigns?limit=500');
  if (existing.items.some((c: { name: string }) => c.name === CAMPAIGN)) return log('seed: aid campaign already seeded');
  log('seed: a finished Spring Festival campaign with its cross-check report');

  const yubei = await must('GET', `/api/v1/membership/org-units/${yubeiDistrictId}`);
  const today = chinaDate(new Date());
  const year = Number(today.slice(0, 4));
  const budget = await must('POST', '/api/v1/aid/budgets', { name: `${year}年两节送温暖专项资金（渝北区）`, year, source: 'union-dues', amountFen: 5_000_000, orgUnitPath: yubei.path });
  const campaign = await must('POST', '/api/v1/aid/campaigns', {
    name: CAMPAIGN,
    kind: 'spring-warmth',
    budgetId: budget.id,
    startsOn: chinaDate(new Date(Date.now() - 30 * 86_400_000)),
    endsOn: today,
    cashFen: WARMTH_FEN,
    items: [
      { name: '大米', quantity: 10, unit: '公斤' },
      { name: '食用油', quantity: 5, unit: '升' },
    ],
    eligibility: [{ fact: 'hardship-grade', anyOf: ['deep', 'relative'] }],
  });
  const url = `/api/v1/aid/campaigns/${campaign.id}`;

  // the district's roster: one person on file (listed twice), two without a file, one id aid does not know
  const files = await must('GET', `/api/v1/aid/hardship-files?status=open&orgUnitId=${yubeiDistrictId}&limit=50`);
  const onFile: string[] = files.items.filter((f: { grade: string | null }) => f.grade === 'deep' || f.grade === 'relative').map((f: { memberId: string }) => f.memberId);
  const members = await must('GET', `/api/v1/membership/members?orgUnitId=${yubeiDistrictId}&status=active&limit=40`);
  const withoutFile: string[] = members.items.map((m: { id: string }) => m.id).filter((id: string) => !files.items.some((f: { memberId: string }) => f.memberId === id)).slice(20, 22);
  const rows = [...onFile.slice(0, 1).map((m) => `${m},外卖骑手,是`), ...withoutFile.map((m) => `${m},,`), `${randomUUID()},,`];
  const roster = `会员编号,用工形式,有在读子女\n${rows.join('\n')}\n`;
  const job = await must('POST', `${url}/nominations`, { nominatedBy: '渝北区总工会', fileName: '渝北区两节送温暖推荐名单.csv', contentBase64: Buffer.from(roster, 'utf8').toString('base64') });
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await must('GET', `${url}/nominations/${job.id}`)).status !== 'running') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // the first cross-check finds the files the roster missed; the hardship-file channel brings them in
  await must('POST', `${url}/cross-check`);
  await must('POST', `${url}/hardship-files`, {});
  const report = await must('POST', `${url}/cross-check`);
  if (report.counts.payable === 0) return log('seed: the demo campaign found nobody payable; left unconfirmed');
  const confirmed = await must('POST', `${url}/confirm`);
  const instructions = await must('GET', `/api/v1/aid/payment-batches/${confirmed.paymentBatchId}/instructions?limit=500`);
  const stamp = today.replace(/-/g, '');
  const lines = instructions.items.map((i: { id: string }, n: number) => `${i.id},paid,ICBC${stamp}W${String(n + 1).padStart(4, '0')},`);
  await must('POST', `/api/v1/aid/payment-batches/${confirmed.paymentBatchId}/results`, { content: `reference,status,bankReference,reason\n${lines.join('\n')}\n` });
  await must('POST', `${url}/close`);
}
