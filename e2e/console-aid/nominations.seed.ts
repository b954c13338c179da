import { http } from '@gonghui/testing';
import type { ConsoleSeed } from '../support/console-seed';

/** What the nominated-roster flow works on: a campaign with no rules on a city budget, and members to nominate. */
export interface CampaignRosterSeed {
  campaignId: string;
  campaignName: string;
  /** Members of 渝北区's union (the console federation's, enrolled when the system started). */
  memberIds: string[];
}

/**
 * Made through the API: a city budget (as `support/console-aid-seed.ts` makes one) and a 夏送清凉
 * campaign on it without eligibility rules; and three of the console federation's 渝北区 members to
 * nominate. The cross-check lists each nominated person once, whether or not aid has learnt of them yet.
 */
export async function seedCampaignRoster(gw: string, token: string, federation: ConsoleSeed): Promise<CampaignRosterSeed> {
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await http(method, `${gw}${path}`, { token, body });
    if (res.status >= 300) throw new Error(`campaign roster seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const units = (await must('GET', '/api/v1/membership/org-units?limit=500')).items as { id: string; path: string }[];
  const root = units.find((u) => u.id === federation.rootId)!;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const budget = await must('POST', '/api/v1/aid/budgets', { name: `示范市总工会${year}年度夏送清凉资金`, year, source: 'union-dues', amountFen: 5_000_000, orgUnitPath: root.path });
  const campaignName = `${year}年夏送清凉`;
  const campaign = await must('POST', '/api/v1/aid/campaigns', { name: campaignName, kind: 'summer-coolness', budgetId: budget.id, startsOn: today, endsOn: today, cashFen: 20_000 });
  const memberIds = ((await must('GET', `/api/v1/membership/members?orgUnitId=${federation.yubeiUnionId}&limit=3`)).items as { id: string }[]).map((m) => m.id);
  return { campaignId: campaign.id, campaignName, memberIds };
}
