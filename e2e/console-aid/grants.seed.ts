import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { creditCodeCheckCharacter, nationalIdCheckCharacter } from '@gonghui/identifiers';
import { http } from '@gonghui/testing';
import { makeNationalId } from '../../infra/src/demo-people';
import { whenAidKnowsMember } from '../support/console-aid-seed';

/**
 * What the agency-check and grant browser tests need, made through the API on top of the console's
 * small federation (console-seed.ts), apart from what the other aid flows make: the agency sandbox
 * (a FAKE of the agencies' check APIs, infra/agency-sandbox/server.mjs), a 渝北区 member of this flow's
 * own with a hardship file carrying a revoked consent, a fund for grants, and organisations' proposals.
 */

/** The sandbox's port (fixed: the aid service is pointed at it when the suite registers its tests, before the system starts on free ports). */
export const AGENCY_SANDBOX_PORT = 3985;
const AGENCY_PATHS = {
  AID_AGENCY_PUBLIC_SECURITY_URL: 'public-security',
  AID_AGENCY_CIVIL_AFFAIRS_URL: 'civil-affairs',
  AID_AGENCY_MEDICAL_SECURITY_URL: 'medical-security',
  AID_AGENCY_REAL_ESTATE_URL: 'real-estate-registry',
  AID_AGENCY_VEHICLE_URL: 'vehicle-administration',
} as const;

/** Points the aid service the suite will start at the sandbox (the services take the test process's environment). */
export function pointAidAtAgencySandbox(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, agency] of Object.entries(AGENCY_PATHS)) env[name] = `http://127.0.0.1:${AGENCY_SANDBOX_PORT}/${agency}`;
}

export interface AgencySandbox {
  /** Makes an agency answer (`up`) or answer 503 (`down`). */
  mode(agency: (typeof AGENCY_PATHS)[keyof typeof AGENCY_PATHS], mode: 'up' | 'down'): Promise<void>;
  stop(): void;
}

export async function startAgencySandbox(): Promise<AgencySandbox> {
  const child: ChildProcess = fork(path.join(__dirname, '../../infra/agency-sandbox/server.mjs'), ['--port', String(AGENCY_SANDBOX_PORT)], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`agency sandbox exited with ${code} (port ${AGENCY_SANDBOX_PORT} taken?)`)));
  });
  const base = `http://127.0.0.1:${AGENCY_SANDBOX_PORT}`;
  return {
    async mode(agency, mode) {
      const res = await fetch(`${base}/_sandbox/agencies/${agency}/mode`, { method: 'POST', body: JSON.stringify({ mode }) });
      if (res.status !== 200) throw new Error(`agency sandbox: mode answered ${res.status}`);
    },
    stop: () => void child.kill(),
  };
}

/** A resident ID whose 17th digit is `d`: the sandbox answers by it (1: registered, receives 低保; 8: a vehicle). */
export function signerNationalId(d: number): string {
  const first17 = `5001121986041200${d}`;
  return first17 + nationalIdCheckCharacter(first17);
}

const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

function calls(gw: string, token: string) {
  const call = (method: string, url: string, body?: unknown) => http(method, `${gw}${url}`, { token, body });
  const must = async (method: string, url: string, body?: unknown) => {
    const res = await call(method, url, body);
    if (res.status >= 300) throw new Error(`grants seed: ${method} ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return { call, must };
}

/** A 渝北区 member enrolled for this flow, their hardship file, and on it a consent that was revoked (no check may run under it). */
export async function seedAgencyFile(gw: string, token: string, yubeiUnionId: string): Promise<{ fileId: string; revokedConsentId: string }> {
  const { call, must } = calls(gw, token);
  const member = await must('POST', '/api/v1/membership/members', {
    name: '刘淑珍',
    nationalId: makeNationalId({ region: '500112', sex: 'f' }),
    mobile: '13800139001',
    orgUnitId: yubeiUnionId,
    employmentForm: 'regular',
  });
  const opened = await whenAidKnowsMember(() =>
    call('POST', '/api/v1/aid/hardship-files', {
      memberId: member.id,
      cause: 'illness',
      grade: 'deep',
      visit: { visitedOn: chinaDay(-10), householdSize: 3, monthlyHouseholdIncomeFen: 210_000, incomeSources: '本人零工收入', housing: '租住', health: '本人慢性病', childrenSchooling: '一女读小学' },
    }),
  );
  if (opened.status !== 201) throw new Error(`grants seed: opening the file answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  const fileId: string = opened.body.id;
  const consent = await must('POST', `/api/v1/aid/hardship-files/${fileId}/consents`, {
    signerName: '刘淑珍',
    signerNationalId: signerNationalId(1),
    relation: 'self',
    scope: ['household-registration', 'minimum-living'],
    signedOn: chinaDay(-40),
    expiresOn: chinaDay(300),
  });
  await must('POST', `/api/v1/aid/agency-consents/${consent.id}/revoke`);
  return { fileId, revokedConsentId: consent.id };
}

/** An application for the file, whose reviewer reads the agencies' answers on its page. */
export async function submitApplication(gw: string, token: string, fileId: string): Promise<string> {
  const { must } = calls(gw, token);
  const application = await must('POST', '/api/v1/aid/applications', { hardshipFileId: fileId, kind: 'living', requestedAmountFen: 300_000, reason: '家庭收入低于低保标准', documents: [{ name: '户口簿', kind: 'household' }] });
  return application.id;
}

export const GRANT_BUDGET_NAME = '渝北区公益创投资金（浏览器测试）';

/** 渝北区's own fund for grants (union dues, 300,000 yuan), for the call the browser sets up. */
export async function seedGrantBudget(gw: string, token: string): Promise<{ budgetId: string }> {
  const { must } = calls(gw, token);
  const units = (await must('GET', '/api/v1/membership/org-units?limit=500')).items as { name: string; path: string }[];
  const yubei = units.find((u) => u.name === '渝北区总工会')!;
  const budget = await must('POST', '/api/v1/aid/budgets', { name: GRANT_BUDGET_NAME, year: Number(chinaDay().slice(0, 4)), source: 'union-dues', amountFen: 30_000_000, orgUnitPath: yubei.path });
  return { budgetId: budget.id };
}

/** A social organisation's unified social credit code (52 = 民办非企业单位, 500112 = 渝北区). */
const creditCode = (n: number) => {
  const body = `52500112MJE${String(n).padStart(6, '0')}`;
  return body + creditCodeCheckCharacter(body);
};

export const PROPOSALS = [
  { org: '重庆市渝北区新航社会工作服务中心', title: '新就业形态劳动者“暖心驿站”服务项目', fen: 12_000_000 },
  { org: '重庆市渝北区同心家庭服务中心', title: '困难职工家庭儿童课后托管项目', fen: 9_000_000 },
];

/** Two organisations' proposals to an open call, each paid in two milestones. */
export async function submitProposals(gw: string, token: string, callId: string): Promise<string[]> {
  const { must } = calls(gw, token);
  const ids: string[] = [];
  for (const [i, p] of PROPOSALS.entries()) {
    const proposal = await must('POST', `/api/v1/aid/grant-calls/${callId}/proposals`, {
      creditCode: creditCode(i + 1),
      organisationName: p.org,
      projectTitle: p.title,
      summary: `${p.title}：面向渝北区职工，为期一年`,
      requestedFen: p.fen,
      milestones: [
        { name: '首期（立项后）', amountFen: p.fen * 0.6, dueOn: chinaDay(30) },
        { name: '尾款（结项评估后）', amountFen: p.fen * 0.4, dueOn: chinaDay(365) },
      ],
    });
    ids.push(proposal.id);
  }
  return ids;
}
