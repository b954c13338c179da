import { http } from '@gonghui/testing';
import type { ConsoleSeed } from '../support/console-seed';

/** What the in-kind distribution flow works on: an items-only campaign, cross-checked, ready to confirm. */
export interface DistributionSeed {
  campaignId: string;
  campaignName: string;
  /** The payable people: 渝北区 members of the console federation. */
  memberIds: string[];
  /** Their names, in the order of memberIds. */
  memberNames: string[];
}

/**
 * Made through the API, as `nominations.seed.ts` makes a campaign: a city budget and a 两节送温暖
 * campaign with rice and oil only (no cash), three 渝北区 members nominated as JSON (the scripts' form),
 * and the cross-check run until aid knows all three (it learns of members from membership's events).
 */
export async function seedDistribution(gw: string, token: string, federation: ConsoleSeed): Promise<DistributionSeed> {
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await http(method, `${gw}${path}`, { token, body });
    if (res.status >= 300) throw new Error(`distribution seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const units = (await must('GET', '/api/v1/membership/org-units?limit=500')).items as { id: string; path: string }[];
  const root = units.find((u) => u.id === federation.rootId)!;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const budget = await must('POST', '/api/v1/aid/budgets', {
    name: `示范市总工会${year}年度送温暖物资`,
    year,
    source: 'union-dues',
    amountFen: 1_000_000,
    orgUnitPath: root.path,
  });
  const campaignName = `${year}年两节送温暖（实物）`;
  const items = [
    { name: '米', quantity: 10, unit: '公斤' },
    { name: '油', quantity: 5, unit: '升' },
  ];
  const campaign = await must('POST', '/api/v1/aid/campaigns', {
    name: campaignName,
    kind: 'spring-warmth',
    budgetId: budget.id,
    startsOn: today,
    endsOn: today,
    items,
  });
  const members = (await must('GET', `/api/v1/membership/members?orgUnitId=${federation.yubeiUnionId}&limit=3`)).items as { id: string; name: string }[];
  const memberIds = members.map((m) => m.id);
  const roster = Buffer.from(`memberId\n${memberIds.join('\n')}\n`, 'utf8').toString('base64');
  const job = await must('POST', `/api/v1/aid/campaigns/${campaign.id}/nominations`, {
    nominatedBy: '渝北区总工会',
    fileName: 'songwennuan.csv',
    contentBase64: roster,
  });
  for (let attempt = 0; ; attempt++) {
    const status = (await must('GET', `/api/v1/aid/campaigns/${campaign.id}/nominations/${job.id}`)).status;
    if (
      status === 'completed' &&
      (await must('POST', `/api/v1/aid/campaigns/${campaign.id}/cross-check`)).counts.payable === memberIds.length
    )
      break;
    if (attempt === 60) throw new Error('distribution seed: the nominated members never became payable');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { campaignId: campaign.id, campaignName, memberIds, memberNames: members.map((m) => m.name) };
}
