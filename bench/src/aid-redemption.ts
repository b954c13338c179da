import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { signAccessToken } from '@gonghui/auth';
import { REPO_ROOT, serviceDatabaseUrl, serviceEnv } from '@gonghui/infra';
import { DEVELOPMENT_JWT_SECRET } from '@gonghui/service-kit';
import { closeConnections, request } from './http-client';
import { freshBenchmarkEnvironment } from './environment';
import { Figures, measure, printTable } from './measure';

/**
 * Benefit redemptions racing on one quota (issue 10): --redemptions (default 100) service-point
 * requests at once, each with its own one-time code, on a charity-shop entitlement of --quota
 * (default 30) a month. Exactly the quota goes through and the counter, the redemptions and the
 * quota agree; printed beside a raw-SQL baseline doing the same guarded UPDATE + INSERT.
 * Only the aid service runs (its own process, fresh database), reached directly with an officer's
 * token as the gateway would issue it: the shared machine is often too loaded to start all five.
 *
 *   npm run bench:aid-redemption -- --redemptions=100 --quota=30
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REDEMPTIONS = arg('redemptions', 100);
const QUOTA = arg('quota', 30);
/** Connections of the raw-SQL baseline: Postgres on the shared machine has 100 slots for everyone, so the 100 baseline clients queue on these. */
const BASELINE_CONNECTIONS = arg('baseline-connections', 20);
const SHOP = '压测爱心超市';

const log = (m: string) => console.log(`[bench] ${m}`);
const hex = (id: string) => id.replace(/-/g, '');

async function main(): Promise<void> {
  const adminUrl = await freshBenchmarkEnvironment('aid_redemption');
  const pool = new Pool({ connectionString: serviceDatabaseUrl(adminUrl, 'aid'), options: '-c search_path=aid', max: 4 });
  const district = randomUUID();
  const districtPath = `/${hex(randomUUID())}/${hex(district)}/`;
  // A port of its own: 3992 was bench:aid-campaign's aid service.
  const port = 3965;
  const logDir = path.join(REPO_ROOT, '.local', 'bench-logs-aid-redemption');
  fs.mkdirSync(logDir, { recursive: true });
  const out = fs.openSync(path.join(logDir, 'aid.log'), 'a');
  const service = spawn(process.execPath, ['--enable-source-maps', path.join(REPO_ROOT, 'services', 'aid', 'dist', 'main.js')], { env: serviceEnv('aid', { adminUrl, ports: { aid: port } }), stdio: ['ignore', out, out] });
  const results: Figures[] = [];
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (service.exitCode !== null) throw new Error(`the aid service exited with ${service.exitCode} (see ${logDir}/aid.log)`);
      const health = await request(`http://127.0.0.1:${port}/health`, 'GET', {}).catch(() => ({ status: 0, body: '' }));
      if (health.status === 200) break;
      if (Date.now() > deadline) throw new Error('the aid service did not become healthy in 300 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    const officer = { userId: randomUUID(), username: 'bench.officer', roles: ['aid-officer' as const], orgUnitId: district, scopePath: districtPath };
    const headers = { authorization: `Bearer ${signAccessToken(officer, process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 3600)}`, 'content-type': 'application/json' };
    const aid = `http://127.0.0.1:${port}/api/v1/aid`;
    const call = async (url: string, body: object, expected: number) => {
      const res = await request(url, 'POST', headers, JSON.stringify(body));
      if (res.status !== expected) throw new Error(`${url}: ${res.status} ${res.body.slice(0, 300)}`);
      return JSON.parse(res.body) as Record<string, any>;
    };

    // fixtures: a member known to aid, an open hardship file, a package with the shop entitlement, one code per request
    const memberId = randomUUID();
    // Hand-written: fixture loading, not the code under measurement
    await pool.query(`INSERT INTO member_directory (member_id, org_unit_id, org_unit_path, status) VALUES ($1, $2, $3, 'active')`, [memberId, district, districtPath]);
    const visit = { visitedOn: '2026-11-20', householdSize: 2, monthlyHouseholdIncomeFen: 280_000, incomeSources: '外卖配送', housing: '租房', health: '良好', childrenSchooling: '一子入托' };
    const file = await call(`${aid}/hardship-files`, { memberId, cause: 'other', visit }, 201);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const endsOn = `${Number(today.slice(0, 4)) + 1}-12-31`;
    const grant = (name: string) =>
      call(`${aid}/benefit-packages`, { hardshipFileId: file.id, name, startsOn: today, endsOn, entitlements: [{ itemKind: 'charity-shop-item', quantityPerPeriod: QUOTA, period: 'month', servicePoint: SHOP }] }, 201);
    const pkg = await grant('压测帮扶包（服务）');
    const baselinePkg = await grant('压测帮扶包（基线）');
    log(`${REDEMPTIONS} one-time codes`);
    const codes: string[] = [];
    for (let i = 0; i < REDEMPTIONS; i += 1) codes.push((await call(`${aid}/benefit-packages/${pkg.id}/codes`, { validMinutes: 60 }, 201)).code as string);

    // the baseline: the same counter move straight in SQL, one transaction per redemption
    const line = baselinePkg.entitlements[0] as { id: string; periodStart: string };
    let rawRedeemed = 0;
    const baselinePool = new Pool({ connectionString: serviceDatabaseUrl(adminUrl, 'aid'), options: '-c search_path=aid', max: BASELINE_CONNECTIONS });
    const rawRedeem = async (): Promise<boolean> => {
      const client = await baselinePool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO benefit_quota_usage (entitlement_id, period_start, quota) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [line.id, line.periodStart, QUOTA]);
        const moved = await client.query('UPDATE benefit_quota_usage SET used = used + 1 WHERE entitlement_id = $1 AND period_start = $2 AND used + 1 <= quota', [line.id, line.periodStart]);
        if (moved.rowCount === 1) {
          await client.query(
            `INSERT INTO benefit_redemptions (id, package_id, entitlement_id, member_id, org_unit_path, item_kind, quantity, service_point, period_start, redeemed_on, recorded_by, redeemed_at)
             VALUES ($1, $2, $3, $4, $5, 'charity-shop-item', 1, $6, $7, $7, 'bench', now())`,
            [randomUUID(), baselinePkg.id, line.id, memberId, districtPath, SHOP, line.periodStart],
          );
          rawRedeemed += 1;
        }
        await client.query('COMMIT');
        return true;
      } catch {
        await client.query('ROLLBACK');
        return false;
      } finally {
        client.release();
      }
    };
    let redeemed = 0;
    const failures = new Set<string>();
    let refused = 0;
    const redeem = async (i: number): Promise<boolean> => {
      const res = await request(`${aid}/benefit-redemptions`, 'POST', headers, JSON.stringify({ code: codes[i], itemKind: 'charity-shop-item', servicePoint: SHOP }));
      if (res.status === 201) redeemed += 1;
      if (res.status === 409 && res.body.includes('quota-used-up')) refused += 1;
      if (res.status >= 500 && failures.size < 3) failures.add(res.body.slice(0, 200));
      return res.status === 201 || (res.status === 409 && res.body.includes('quota-used-up'));
    };
    results.push(await measure(`baseline: raw SQL guarded UPDATE + INSERT, ${REDEMPTIONS} at once (${BASELINE_CONNECTIONS} connections) on a quota of ${QUOTA}`, REDEMPTIONS, REDEMPTIONS, rawRedeem));
    await baselinePool.end(); // its connections back to the machine before the service's turn
    results.push(await measure(`redeem by code via the aid service, ${REDEMPTIONS} at once on a quota of ${QUOTA}`, REDEMPTIONS, REDEMPTIONS, redeem));

    const figures = async (packageId: string, entitlementId: string) => {
      const [usage] = (await pool.query<{ used: number }>('SELECT coalesce(sum(used), 0)::int AS used FROM benefit_quota_usage WHERE entitlement_id = $1', [entitlementId])).rows;
      const [rows] = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM benefit_redemptions WHERE package_id = $1', [packageId])).rows;
      return { used: usage.used, redemptions: rows.n };
    };
    const served = await figures(pkg.id, (pkg.entitlements[0] as { id: string }).id);
    const baseline = await figures(baselinePkg.id, line.id);
    const [{ n: spent }] = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM benefit_codes WHERE package_id = $1 AND used_at IS NOT NULL', [pkg.id])).rows;

    printTable(results);
    for (const f of failures) console.log(`failure: ${f}`);
    console.log(`\nservice: ${redeemed} redeemed, ${refused} refused as beyond the quota, of ${REDEMPTIONS}; counter ${served.used}, redemption rows ${served.redemptions}, codes spent ${spent} (quota ${QUOTA})`);
    console.log(`baseline: ${rawRedeemed} redeemed of ${REDEMPTIONS}; counter ${baseline.used}, redemption rows ${baseline.redemptions} (quota ${QUOTA})`);
    const held = redeemed === Math.min(QUOTA, REDEMPTIONS) && served.used === redeemed && served.redemptions === redeemed && spent === redeemed;
    console.log(`\ntarget (issue 10): ${REDEMPTIONS} concurrent redemptions on one quota never exceed it: ${held ? 'met' : 'NOT met'}`);
  } finally {
    service.kill('SIGTERM');
    await pool.end();
    closeConnections();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
