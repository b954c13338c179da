import { Client } from 'pg';
import { chinaDate } from '@gonghui/service-kit';
import { CHONGQING_DISTRICTS, DemoDistrict, demoName, demoPeople, seededRandom } from './demo-people';
import { seedAidFiles } from './demo/aid-files';
import { demoRequests } from './demo/demo-call';
import { seedAidMoney } from './demo/aid-money';
import { seedAidCampaigns } from './demo/aid-campaigns';
import { seedAidGrants } from './demo/aid-grants';
import { seedAidBenefits } from './demo/aid-benefits';
import { seedTrainingProgrammes } from './demo/training-programmes';
import { seedTrainingCore } from './demo/training-core';
import { seedMediation } from './demo/mediation';

/**
 * A demo federation through the public API, as staff would build it: districts, streets,
 * grassroots and industry unions, some 3,000 members (600 one by one and two rosters of 1,200),
 * a district officer, a course session, a hardship file and a settled dispute. Running it again
 * changes nothing.
 *
 * The people are synthetic but look like a Chongqing union's roll (demo-people.ts): both sexes,
 * ages 18–60, resident IDs with the address code of their district, common surnames.
 * Enrolment through the API stamps "now" and the enrol request has no date for paper records, so
 * when `membershipDatabaseUrl` is given the seed then backdates `enrolled_at` of the members it
 * enrolled, as the membership service's own role: a DEMO-ONLY step, so that "new this month" is
 * not everyone. Without it every seeded member is enrolled today.
 */
export interface SeedOptions {
  /** The membership service's own database URL (its role): enables the demo-only backdating. */
  membershipDatabaseUrl?: string;
  /** People in each of the two collective-enrolment rosters (default 1,200). */
  rosterSize?: number;
}

export interface SeedReport {
  alreadySeeded: boolean;
  units: number;
  members: number;
}

const FORMS = ['regular', 'regular', 'regular', 'gig-delivery', 'gig-ride-hailing', 'gig-courier', 'gig-domestic-service'] as const;

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** A realistic name for the i-th demo person (deterministic). */
export function demoPersonName(i: number): string {
  const random = seededRandom(7_000_000 + i);
  return demoName(random() < 0.5 ? 'f' : 'm', random);
}

/** The demo federation's root unit. */
export const DEMO_ROOT = { code: 'DEMO', name: '示范市总工会', kind: 'federation', address: '示范市人民路1号' } as const;

/**
 * What the tree's root (the oldest unit; a tree has one root) says about seeding: none yet, the
 * demo's (seeded before: nothing to do), or another federation's, which the seed must not touch.
 */
export function demoRootState(oldest: { code: string; parentId: string | null } | undefined): 'absent' | 'seeded' | 'foreign' {
  if (!oldest || oldest.parentId !== null) return 'absent';
  return oldest.code === DEMO_ROOT.code ? 'seeded' : 'foreign';
}

/** The system already has a federation root that is not the demo's: the seed leaves it alone. */
export class ForeignRootError extends Error {
  constructor() {
    super('seed: this system already has a federation root that is not the demo’s (code DEMO): not seeding into it');
    this.name = 'ForeignRootError';
  }
}

/** DEMO ONLY: set enrolled_at of members the seed just enrolled, as the membership role. */
async function backdate(databaseUrl: string, apply: (db: Client) => Promise<void>): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await apply(db);
  } finally {
    await db.end();
  }
}

async function retry<T>(what: string, attempt: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`seed: ${what} did not succeed within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function seedDemoFederation(gatewayUrl: string, credentials = { username: 'admin', password: 'Gonghui@2026' }, memberCount = 600, log = (m: string) => console.log(m), options: SeedOptions = {}): Promise<SeedReport> {
  const rosterSize = options.rosterSize ?? 1200;
  const login = await fetch(`${gatewayUrl}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  if (!login.ok) throw new Error(`seed: login failed with ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call: Call = async (method, path, body) => {
    const response = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const { must } = demoRequests(call);

  // The root is the oldest unit of the tree (every other unit has a parent made before it).
  const rootState = async () => demoRootState((await must('GET', '/api/v1/membership/org-units?limit=1')).items[0]);
  const before = await rootState();
  if (before === 'seeded') return { alreadySeeded: true, units: 0, members: 0 };
  if (before === 'foreign') throw new ForeignRootError();
  const root = await call('POST', '/api/v1/membership/org-units', DEMO_ROOT);
  if (root.status === 409) {
    // Another seed made the root meanwhile; any other conflict is genuine.
    const after = await rootState();
    if (after === 'seeded') return { alreadySeeded: true, units: 0, members: 0 };
    if (after === 'foreign') throw new ForeignRootError();
  }
  if (root.status !== 201) throw new Error(`seed: creating the federation answered ${root.status}: ${JSON.stringify(root.body)}`);
  log('seed: organisation tree');

  const unit = (parentId: string, code: string, name: string, kind: string, extra: Record<string, unknown> = {}) =>
    must('POST', '/api/v1/membership/org-units', { parentId, code, name, kind, ...extra });
  const grassroots: { id: string; name: string; district?: DemoDistrict }[] = [];
  const districts: readonly (readonly [DemoDistrict, string, readonly string[]])[] = [
    ['YB', '渝北区总工会', ['龙溪街道', '仙桃街道']],
    ['JB', '江北区总工会', ['观音桥街道', '石马河街道']],
    ['SPB', '沙坪坝区总工会', ['磁器口街道', '小龙坎街道']],
  ] as const;
  let units = 1;
  const districtIds: Record<string, string> = {};
  for (const [code, name, streets] of districts) {
    const district = await unit(root.body.id, `DEMO-${code}`, name, 'district');
    districtIds[code] = district.id;
    units++;
    for (const [s, streetName] of streets.entries()) {
      const street = await unit(district.id, `DEMO-${code}-S${s + 1}`, `${streetName}总工会`, 'street');
      const enterprise = await unit(street.id, `DEMO-${code}-S${s + 1}-E`, `${streetName}物流有限公司工会`, 'grassroots-enterprise');
      const community = await unit(street.id, `DEMO-${code}-S${s + 1}-C`, `${streetName}社区工会联合会`, 'grassroots-community');
      grassroots.push({ ...enterprise, district: code }, { ...community, district: code });
      units += 3;
    }
  }
  grassroots.push(await unit(root.body.id, 'DEMO-RIDE', '示范市网约车司机工会', 'industry'));
  grassroots.push(await unit(root.body.id, 'DEMO-DELIVERY', '示范市快递员工会', 'industry'));
  units += 2;

  log(`seed: enrolling ${memberCount} members`);
  const memberIds: string[] = [];
  const enrolled: { id: string; enrolledOn: string }[] = [];
  const allRegions = Object.values(CHONGQING_DISTRICTS).map((d) => d.code);
  // A member's resident ID carries the address code of the district of their union (industry unions: any district).
  const people = demoPeople(memberCount, { regionFor: (n) => { const d = grassroots[n % grassroots.length].district; return d ? [CHONGQING_DISTRICTS[d].code] : allRegions; } });
  const rosterPeople = demoPeople(2 * rosterSize + 24, { seed: 20_251_001, regions: allRegions }).filter((p) => !people.some((q) => q.nationalId === p.nationalId));
  for (let i = 0; i < memberCount; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, memberCount - i) }, (_, j) => {
        const n = i + j;
        const home = grassroots[n % grassroots.length];
        return call('POST', '/api/v1/membership/members', {
          name: people[n].name,
          nationalId: people[n].nationalId,
          mobile: `139${String(10_000_000 + n).slice(-8)}`,
          orgUnitId: home.id,
          employmentForm: home.name.includes('网约车') ? 'gig-ride-hailing' : home.name.includes('快递') ? 'gig-courier' : FORMS[n % FORMS.length],
        });
      }),
    );
    for (const [j, res] of batch.entries()) {
      if (res.status !== 201) continue;
      memberIds.push(res.body.id);
      enrolled.push({ id: res.body.id, enrolledOn: people[i + j].enrolledOn });
    }
  }
  if (options.membershipDatabaseUrl) {
    log('seed: DEMO ONLY: backdating enrolled_at of the seeded members (the API stamps now)');
    await backdate(options.membershipDatabaseUrl, (db) =>
      // Hand-written: one set-based UPDATE; a time of day between 09:00 and 17:00 Beijing time, never later than now.
      db.query(
        `UPDATE members m SET enrolled_at = LEAST(now(), (d.day::date + time '09:00' + (abs(hashtext(m.id::text)) % 28800) * interval '1 second') AT TIME ZONE 'Asia/Shanghai')
           FROM unnest($1::uuid[], $2::text[]) AS d(id, day)
          WHERE m.id = d.id`,
        [enrolled.map((e) => e.id), enrolled.map((e) => e.enrolledOn)],
      ).then(() => undefined),
    );
  }

  log(`seed: collective enrolment of two rosters (集中入会), ${rosterSize} gig workers each`);
  const token = accessToken;
  let rostered = 0;
  for (const [k, unitName, employmentLabel, enrolledOn] of [
    [0, '示范市网约车司机工会', '网约车司机', '2024-05-20'],
    [1, '示范市快递员工会', '快递员', '2025-03-08'],
  ] as const) {
    const uploadStarted = new Date();
    const unitId = grassroots.find((g) => g.name === unitName)!.id;
    const lines = ['姓名,身份证号,手机号,用工形式,技能等级'];
    for (let i = 0; i < rosterSize; i++) {
      const n = memberCount + k * rosterSize + i;
      const person = rosterPeople[k * rosterSize + i];
      lines.push(`${person.name},${person.nationalId},137${String(10_000_000 + n).slice(-8)},${employmentLabel},${['新手', '熟手', '高手'][n % 3]}`);
    }
    const upload = new FormData();
    upload.append('orgUnitId', unitId);
    upload.append('file', new Blob([lines.join('\n')]), `${unitName}花名册.csv`);
    const accepted = await fetch(`${gatewayUrl}/api/v1/membership/collective-enrolments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: upload });
    if (accepted.status !== 202) throw new Error(`seed: roster upload answered ${accepted.status}`);
    const job = (await accepted.json()) as { id: string };
    const done = await retry(
      'a roster job',
      async () => {
        const state = await must('GET', `/api/v1/membership/jobs/${job.id}`);
        return state.status === 'completed' ? state : state.status === 'failed' ? Promise.reject(new Error(state.error)) : null;
      },
      120_000,
    );
    rostered += done.enrolled;
    if (options.membershipDatabaseUrl) {
      // DEMO ONLY: the roster was taken in on one day (集中入会).
      await backdate(options.membershipDatabaseUrl, (db) =>
        // Hand-written: one set-based UPDATE of the members this roster job enrolled.
        db.query(`UPDATE members SET enrolled_at = ($1::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE org_unit_id = $2 AND enrolled_at >= $3`, [enrolledOn, unitId, uploadStarted]).then(() => undefined),
      );
    }
  }

  log('seed: prospects found in door-to-door surveys (未入会职工)');
  const streets = (await must('GET', '/api/v1/membership/org-units?limit=500')).items.filter((u: { kind: string }) => u.kind === 'street');
  const needs = [['技能培训'], ['法律援助'], ['子女托管', '技能培训'], ['医疗互助']];
  for (let i = 0; i < 24; i++) {
    await must('POST', '/api/v1/membership/prospects', {
      name: demoPersonName(5000 + i),
      mobile: `135${String(10_000_000 + i).slice(-8)}`,
      occupationCategory: ['外卖配送', '网约车', '快递', '家政'][i % 4],
      employmentForm: ['gig-delivery', 'gig-ride-hailing', 'gig-courier', 'gig-domestic-service'][i % 4],
      needs: needs[i % needs.length],
      foundByOrgUnitId: streets[i % streets.length].id,
      surveyedOn: chinaDate(new Date()),
    });
  }

  log('seed: a district officer, a course session, a hardship file and a settled dispute');
  await retry('creating the district officer', async () => {
    const res = await call('POST', '/api/v1/auth/users', {
      username: 'yubei.officer',
      displayName: '渝北区总工会会员工作专员',
      password: 'Gonghui@2026',
      roles: ['membership-officer', 'aid-officer', 'training-officer', 'mediator'],
      orgUnitId: districtIds.YB,
    });
    return res.status === 201 || res.status === 409 ? true : null;
  });
  const starts = new Date(Date.now() + 14 * 86_400_000);
  const session = await must('POST', '/api/v1/training/sessions', {
    courseTitle: '低压电工作业（取证班）',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 8 * 3_600_000).toISOString(),
    location: '示范市职工文化宫 3 楼',
    capacity: 40,
  });
  const [first, second, third] = memberIds;
  await retry('booking a session', async () => ((await call('POST', `/api/v1/training/sessions/${session.id}/bookings`, { memberId: first })).status === 201 ? true : null));
  await retry('opening a hardship file', async () => {
    const res = await call('POST', '/api/v1/aid/hardship-files', {
      memberId: second,
      cause: 'illness',
      visit: { visitedOn: chinaDate(new Date()), householdSize: 5, monthlyHouseholdIncomeFen: 320_000, incomeSources: '本人工资', housing: '租住单间', health: '丈夫与公婆患病', childrenSchooling: '一子读初中' },
    });
    return res.status === 201 ? true : null;
  });
  const disputeCase = await retry('opening a dispute case', async () => {
    const res = await call('POST', '/api/v1/mediation/cases', { memberId: third, source: 'complaint', summary: '用人单位未支付生育津贴', employerName: '某物流有限公司' });
    return res.status === 201 ? res.body : null;
  });
  await must('POST', `/api/v1/mediation/cases/${disputeCase.id}/settle`, {
    obligations: [{ description: '用人单位支付生育津贴 / employer pays maternity allowance', amountFen: 2_500_000, dueDate: '2026-12-31' }],
  });
  await seedTrainingProgrammes(call, memberIds.length >= 17 ? memberIds.slice(10) : memberIds, log, districtIds.YB);
  await seedTrainingCore(call, memberIds.slice(20, 30), log);
  await seedAidFiles(call, districtIds.YB, log);
  await seedAidMoney(call, root.body.id, districtIds.YB, log);
  await seedAidCampaigns(call, districtIds.YB, log);
  await seedAidGrants(call, gatewayUrl, districtIds.YB, log);
  await seedAidBenefits(call, districtIds.YB, log);
  await seedMediation(call, memberIds.length >= 34 ? memberIds.slice(30, 34) : memberIds.slice(0, 4), log);
  return { alreadySeeded: false, units, members: memberIds.length + rostered };
}
