import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { signAccessToken } from '@gonghui/auth';
import { DEVELOPMENT_JWT_SECRET } from '@gonghui/service-kit';
import { REPO_ROOT, serviceDatabaseUrl, startSystem } from '@gonghui/infra';
import { request } from './http-client';
import { freshBenchmarkEnvironment } from './environment';
import { Figures, measure, printTable } from './measure';

/**
 * Mediation at a city's scale (issue 12). Loads --cases (default 100,000) dispute cases over the
 * past year into a fresh benchmark database, in --districts (default 10) districts of 10 units,
 * starts the whole system and measures, talking to the mediation service directly (the gateway's
 * rate limits would measure the gateway), each beside the same query in raw SQL:
 *
 * 1. the list of open cases past the 15-day statutory limit for one district (first page of 50):
 *    target p99 under 50 ms;
 * 2. the year's figures for the whole city: target under 1 s.
 *
 *   npm run bench:mediation -- --cases=100000 --districts=10 --lists=500 --figures=20 --concurrency=2
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CASES = arg('cases', 100_000);
const DISTRICTS = arg('districts', 10);
const LISTS = arg('lists', 500);
const FIGURES = arg('figures', 20);
const CONCURRENCY = arg('concurrency', 2);

const log = (m: string) => console.log(`[bench] ${m}`);

const COUNTS = `count(*)::int AS cases, count(*) FILTER (WHERE status = 'settled')::int AS settled, count(*) FILTER (WHERE status = 'closed')::int AS closed,
  count(*) FILTER (WHERE status = 'referred')::int AS referred, coalesce(sum(agreed), 0)::bigint AS agreed`;
/** The figures statement of services/mediation/src/figures before the daily rollup (kept as the oracle in services/mediation/test/figures-oracle.ts). */
const FIGURES_FROM_CASES = `
  WITH p AS MATERIALIZED (
    SELECT c.id, c.source, c.status, c.claims, a.total_amount_fen AS agreed,
           floor(extract(epoch FROM a.signed_at - c.received_at) / 86400) AS days, m.centre_name AS centre
      FROM cases c
      LEFT JOIN agreements a ON a.case_id = c.id
      LEFT JOIN panel_members pm ON pm.case_id = c.id AND pm.role = 'lead'
      LEFT JOIN mediators m ON m.id = pm.mediator_id
     WHERE c.org_unit_path LIKE $1 AND c.received_at >= $2 AND c.received_at < $3)
  SELECT 'total' AS facet, NULL::text AS key, ${COUNTS},
         (SELECT coalesce(sum(o.paid_fen), 0) FROM obligations o JOIN p p2 ON p2.id = o.case_id)::bigint AS recovered,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days FROM p
  UNION ALL SELECT 'source', source, ${COUNTS}, NULL, NULL FROM p GROUP BY source
  UNION ALL SELECT 'status', status, ${COUNTS}, NULL, NULL FROM p GROUP BY status
  UNION ALL SELECT 'claim', t, ${COUNTS}, NULL, NULL FROM p, LATERAL (SELECT DISTINCT c->>'type' AS t FROM jsonb_array_elements(p.claims) c) ct GROUP BY t
  UNION ALL SELECT 'centre', coalesce(centre, '未指派'), ${COUNTS}, NULL, NULL FROM p GROUP BY 2
  ORDER BY facet, cases DESC, key`;
const hex = () => randomUUID().replace(/-/g, '');
const get = (url: string, headers: Record<string, string>) => request(url, 'GET', headers);

async function main(): Promise<void> {
  const adminUrl = await freshBenchmarkEnvironment('mediation');
  const pool = new Pool({ connectionString: serviceDatabaseUrl(adminUrl, 'mediation'), options: '-c search_path=mediation', max: CONCURRENCY, idleTimeoutMillis: 0 });

  const city = `/${hex()}/`;
  const districts = Array.from({ length: DISTRICTS }, () => `${city}${hex()}/`);
  const units = districts.flatMap((d) => Array.from({ length: 10 }, () => `${d}${hex()}/`));
  log(`loading ${CASES} cases over the past year into ${units.length} units`);
  const loadStarted = Date.now();
  // Hand-written: bulk loading of fixtures, not the code under measurement. Outcomes as a centre
  // sees them: ~70 % settled (half of them performed and closed), 15 % referred, 5 % declined,
  // 10 % open (part of them past the statutory limit).
  await pool.query(
    `INSERT INTO cases (id, member_id, org_unit_path, source, summary, employer_name, status, opened_by, opened_at, closed_at,
                        workers, worker_count, claims, claimed_total_fen, received_at)
     SELECT gen_random_uuid(), NULL, ($1::text[])[1 + ((hashtext(g::text) & 2147483647) % array_length($1::text[], 1))],
            (ARRAY['screening','complaint','referral','court-delegation'])[1 + (g % 4)], '压测案件', '压测用人单位' || (g % 5000),
            CASE WHEN g % 20 < 7 THEN 'closed' WHEN g % 20 < 14 THEN 'settled' WHEN g % 20 < 17 THEN 'referred' WHEN g % 20 < 18 THEN 'declined' ELSE 'open' END,
            'bench', r.at + interval '2 hours', NULL,
            '[]'::jsonb, 1 + (g % 3),
            jsonb_build_array(jsonb_build_object('type', (ARRAY['unpaid-wages','social-insurance','work-injury','termination-compensation','overtime','maternity','other'])[1 + (g % 7)], 'amountFen', 100000 + (g % 50) * 10000, 'description', NULL)),
            100000 + (g % 50) * 10000, r.at
       FROM generate_series(1, $2::int) g,
            LATERAL (SELECT date_trunc('day', (now() - (g % 365) * interval '1 day') AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS at) r`,
    [units, CASES],
  );
  await pool.query(
    `INSERT INTO agreements (id, case_id, obligations, total_amount_fen, signed_at)
     SELECT gen_random_uuid(), c.id, '[]'::jsonb, c.claimed_total_fen, c.received_at + ((abs(hashtext(c.id::text)) % 15) * interval '1 day') FROM cases c WHERE c.status IN ('settled', 'closed')`,
  );
  await pool.query(
    `INSERT INTO obligations (id, case_id, seq, description, payer, payee, amount_fen, paid_fen, status)
     SELECT gen_random_uuid(), c.id, 1, '支付工资', 'employer', 'worker', c.claimed_total_fen, CASE WHEN c.status = 'closed' THEN c.claimed_total_fen ELSE 0 END,
            CASE WHEN c.status = 'closed' THEN 'performed' ELSE 'pending' END
       FROM cases c WHERE c.status IN ('settled', 'closed')`,
  );
  // Each statement above also brought the daily rollup (migration 0030, triggers) in step: part of the load time.
  log(`loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s, the figures' daily rollup included`);
  await pool.query('ANALYZE cases; ANALYZE agreements; ANALYZE obligations; ANALYZE case_figures_daily; ANALYZE case_claims_daily; ANALYZE case_settle_days_daily');

  // Ports of its own: bench:aid-campaign uses 3990–3994, and a run of it beside this one answered this one's requests (0 cases).
  const system = await startSystem({ adminUrl, ports: { gateway: 3995, membership: 3996, aid: 3997, training: 3998, mediation: 3999 }, logDir: path.join(REPO_ROOT, '.local', 'bench-logs-mediation') });
  const results: Figures[] = [];
  try {
    const login = await fetch(`${system.urls.gateway}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Gonghui@2026' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    const base = `${system.urls.mediation}/api/v1/mediation`;
    const district = districts[0];
    const subtree = encodeURIComponent(district);
    const year = { from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };

    // The list is for one district's officer: the service scopes by the caller, so the admin asks with a district token.
    const districtToken = signAccessToken({ userId: randomUUID(), username: 'bench-district', roles: ['mediator'], orgUnitId: null, scopePath: district }, process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 3600);
    const first = await get(`${base}/cases/past-limit?limit=50`, { authorization: `Bearer ${districtToken}` });
    if (first.status !== 200) throw new Error(`past-limit: ${first.status} ${first.body}`);
    log(`past-limit list of one district: ${(JSON.parse(first.body) as { items: unknown[] }).items.length} items on the first page`);

    results.push(await measure('past-limit list, 1 district (HTTP)', LISTS, CONCURRENCY, async () => (await get(`${base}/cases/past-limit?limit=50`, { authorization: `Bearer ${districtToken}` })).status === 200));
    const like = `${district}%`;
    const cutOff = new Date(Date.parse(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`) - 15 * 86_400_000);
    results.push(
      await measure('past-limit list, 1 district (raw SQL)', LISTS, CONCURRENCY, async () => {
        await pool.query(`SELECT * FROM cases WHERE org_unit_path LIKE $1 AND status = 'open' AND received_at < $2 ORDER BY received_at, id LIMIT 51`, [like, cutOff]);
        return true;
      }),
    );
    const figures = await get(`${base}/figures?from=${year.from}&to=${year.to}`, headers);
    if (figures.status !== 200) throw new Error(`figures: ${figures.status} ${figures.body}`);
    const f = JSON.parse(figures.body) as { cases: number; settlementRate: number; medianDaysToSettle: number };
    log(`the year's figures: ${f.cases} cases, settlement rate ${f.settlementRate}, median ${f.medianDaysToSettle} days`);
    if (f.cases < CASES * 0.99) throw new Error(`the year's figures count ${f.cases} of the ${CASES} cases loaded: is another system answering on these ports?`);
    results.push(await measure("the year's figures, whole city (HTTP)", FIGURES, 1, async () => (await get(`${base}/figures?from=${year.from}&to=${year.to}`, headers)).status === 200));
    results.push(await measure("the year's figures, one district (HTTP)", FIGURES, 1, async () => (await get(`${base}/figures?from=${year.from}&to=${year.to}&subtreePath=${subtree}`, headers)).status === 200));
    results.push(
      await measure("the year's figures, whole city (raw SQL, totals only)", FIGURES, 1, async () => {
        await pool.query(
          `SELECT count(*), count(*) FILTER (WHERE c.status IN ('settled','closed')), sum(a.total_amount_fen),
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY a.signed_at - c.received_at)
             FROM cases c LEFT JOIN agreements a ON a.case_id = c.id WHERE c.received_at >= now() - interval '365 days'`,
        );
        return true;
      }),
    );
    // What the service ran before the rollup (every facet straight from the period's cases), for the before/after in one run.
    results.push(
      await measure("the year's figures, whole city, from the cases (raw SQL, before the rollup)", FIGURES, 1, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'");
          await client.query(FIGURES_FROM_CASES, [`${city}%`, new Date(`${year.from}T00:00:00+08:00`), new Date(Date.parse(`${year.to}T00:00:00+08:00`) + 86_400_000)]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
        return true;
      }),
    );
  } finally {
    await system.stop();
    await pool.end();
  }
  printTable(results);
  const list = results[0];
  const year = results[2];
  log(`past-limit list p99 ${list.p99.toFixed(1)} ms (target < 50 ms): ${list.p99 < 50 ? 'met' : 'NOT met'}`);
  log(`year's figures p99 ${year.p99.toFixed(1)} ms (target < 1000 ms): ${year.p99 < 1000 ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
