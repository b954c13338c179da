import { creditCodeCheckCharacter, nationalIdCheckCharacter } from '@gonghui/identifiers';
import { chinaDate } from '@gonghui/service-kit';
import { type DemoCall as Call, demoRequests } from './demo-call';

const daysFromNow = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));
const CALL_TITLE = '渝北区2027年度公益伙伴服务项目征集';
const PANEL = { officer: 'yubei.officer', password: 'Gonghui@2026' };

/** A social organisation's unified social credit code (52 = 民办非企业单位, 500112 = 渝北区). */
const creditCode = (n: number) => {
  const body = `52500112MJD${String(n).padStart(6, '0')}`;
  return body + creditCodeCheckCharacter(body);
};

const PROPOSALS = [
  { org: '重庆市渝北区新航社会工作服务中心', title: '新就业形态劳动者“暖心驿站”服务项目', fen: 18_000_000, scores: [{ need: 10, design: 9, capacity: 5 }, { need: 9, design: 9, capacity: 4 }] },
  { org: '重庆市渝北区同心家庭服务中心', title: '困难职工家庭儿童课后托管项目', fen: 15_000_000, scores: [{ need: 9, design: 8, capacity: 4 }, { need: 9, design: 7, capacity: 4 }] },
  { org: '重庆市渝北区安康心理咨询服务社', title: '货车司机、外卖骑手心理疏导项目', fen: 12_000_000, scores: [{ need: 8, design: 7, capacity: 4 }, { need: 7, design: 8, capacity: 3 }] },
  { org: '重庆市渝北区乐龄志愿服务协会', title: '退休职工“银龄互助”上门探访项目', fen: 16_000_000, scores: [{ need: 6, design: 7, capacity: 3 }, { need: 7, design: 6, capacity: 3 }] },
  { org: '重庆市渝北区职工法律援助服务中心', title: '农民工欠薪法律援助项目', fen: 9_000_000, scores: [{ need: 5, design: 5, capacity: 2 }, { need: 4, design: 5, capacity: 3 }] },
];

/**
 * Demo of aid-grants: in 渝北区, a grant call for social organisations' projects on its own union-dues
 * fund, five proposals scored by a panel of two (admin and yubei.officer), awarded in rank order,
 * the first milestone of the top project paid; and on a demo hardship file a signed consent with
 * agency checks answered by the agency sandbox (failed with a reason if the sandbox is not running).
 * Re-runnable: each part is skipped once it exists.
 */
export async function seedAidGrants(call: Call, gatewayUrl: string, yubeiDistrictId: string, log: (message: string) => void = console.log): Promise<void> {
  const { must } = demoRequests(call);
  const calls = await must('GET', '/api/v1/aid/grant-calls?limit=500');
  if (calls.items.some((c: { title: string }) => c.title === CALL_TITLE)) log('seed: 渝北区 grant call already seeded');
  else {
    log('seed: 渝北区 grant call, scored proposals, awards and a milestone paid');
    const officer = await callAs(gatewayUrl, PANEL.officer, PANEL.password);
    const yubei = await must('GET', `/api/v1/membership/org-units/${yubeiDistrictId}`);
    const budget = await must('POST', '/api/v1/aid/budgets', { name: '渝北区公益创投资金', year: Number(daysFromNow(0).slice(0, 4)), source: 'union-dues', amountFen: 60_000_000, orgUnitPath: yubei.path });
    const grantCall = await must('POST', '/api/v1/aid/grant-calls', {
      title: CALL_TITLE,
      budgetId: budget.id,
      amountFen: 50_000_000,
      criteria: [
        { key: 'need', name: '服务需求的迫切性', weight: 40, maxScore: 10 },
        { key: 'design', name: '项目设计与可行性', weight: 35, maxScore: 10 },
        { key: 'capacity', name: '组织执行能力', weight: 25, maxScore: 5 },
      ],
      panel: ['admin', PANEL.officer],
      minScore: 60,
    });
    const ids: string[] = [];
    for (const [i, p] of PROPOSALS.entries()) {
      const first = p.fen * 0.6;
      const proposal = await must('POST', `/api/v1/aid/grant-calls/${grantCall.id}/proposals`, {
        creditCode: creditCode(i + 1),
        organisationName: p.org,
        projectTitle: p.title,
        summary: `${p.title}：面向渝北区职工，为期一年`,
        requestedFen: p.fen,
        milestones: [
          { name: '首期（立项后）', amountFen: first, dueOn: daysFromNow(30) },
          { name: '尾款（结项评估后）', amountFen: p.fen - first, dueOn: daysFromNow(365) },
        ],
      });
      ids.push(proposal.id);
    }
    await must('POST', `/api/v1/aid/grant-calls/${grantCall.id}/close-submissions`);
    for (const [i, p] of PROPOSALS.entries()) {
      await must('POST', `/api/v1/aid/grant-proposals/${ids[i]}/scores`, { scores: p.scores[0] });
      await demoRequests(officer).must('POST', `/api/v1/aid/grant-proposals/${ids[i]}/scores`, { scores: p.scores[1] });
    }
    await must('POST', `/api/v1/aid/grant-calls/${grantCall.id}/award`);
    await must('POST', `/api/v1/aid/grant-proposals/${ids[0]}/milestones/1/pay`);
  }
  await seedAgencyChecks(call, yubeiDistrictId, log);
}

async function seedAgencyChecks(call: Call, yubeiDistrictId: string, log: (message: string) => void): Promise<void> {
  const { must } = demoRequests(call);
  const files = await must('GET', `/api/v1/aid/hardship-files?orgUnitId=${yubeiDistrictId}&status=open&limit=1`);
  const file = files.items[0];
  if (!file) return log('seed: no open 渝北区 hardship file for the agency checks');
  if ((await must('GET', `/api/v1/aid/hardship-files/${file.id}/consents`)).items.length > 0) return log('seed: agency checks already seeded');
  log('seed: a signed consent and agency checks on a 渝北区 hardship file');
  // the signer's resident ID as written on the paper consent (synthetic; 17th digit 1: the sandbox says 低保 is paid)
  const first17 = '50011219860412001';
  const consent = await must('POST', `/api/v1/aid/hardship-files/${file.id}/consents`, {
    signerName: '刘淑珍',
    signerNationalId: first17 + nationalIdCheckCharacter(first17),
    relation: 'self',
    scope: ['household-registration', 'minimum-living', 'medical-insurance', 'property', 'vehicle'],
    signedOn: daysFromNow(-2),
    expiresOn: daysFromNow(363),
  });
  await must('POST', `/api/v1/aid/hardship-files/${file.id}/agency-checks`, { consentId: consent.id, kinds: ['household-registration', 'minimum-living', 'medical-insurance', 'property', 'vehicle'] });
}

/** The API as another seeded user: the grant panel's second reviewer scores in their own name. */
async function callAs(gatewayUrl: string, username: string, password: string): Promise<Call> {
  const login = await fetch(`${gatewayUrl}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`seed: login as ${username} failed with ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (method, path, body) => {
    const response = await fetch(`${gatewayUrl}${path}`, { method, headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}
