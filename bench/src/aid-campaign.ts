import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { REPO_ROOT, serviceDatabaseUrl, startSystem } from '@gonghui/infra';
import { closeConnections, request } from './http-client';
import { freshBenchmarkEnvironment } from './environment';

/**
 * The campaign cross-check at city scale (issue 10): a Spring Festival campaign of --listed
 * (default 16,000) people checked against --members (100,000) members and --files (5,000)
 * hardship files, through the aid service (whole system running, aid addressed directly), beside
 * a raw-SQL baseline that classifies the same list in one statement. Target: under 30 s.
 *
 * Fixtures (bulk SQL, not measured): the members (some left), the files (deep, relative,
 * sudden-accident), decided applications. Through the API (measured separately): the roster
 * nomination of the list, the hardship-file channel for one street, the applications channel.
 *
 *   npm run bench:aid-campaign -- --members=100000 --files=5000 --listed=16000 [--rules=none]
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const MEMBERS = arg('members', 100_000);
const FILES = arg('files', 5_000);
const LISTED = arg('listed', 16_000);
const STRANGERS = 100; // nominated but not members
const LEFT = 200; // nominated, then left the union
const APPLICATIONS = 500;
const WARMTH = 33_875;
/** --rules=none: no eligibility rule (everyone a member is payable, as a city's Spring Festival list): measures confirming the whole list. */
const NO_RULES = process.argv.includes('--rules=none');

const log = (m: string) => console.log(`[bench] ${m}`);
const hex = (id: string) => id.replace(/-/g, '');
const seconds = (from: number) => (Date.now() - from) / 1000;

async function main(): Promise<void> {
  const adminUrl = await freshBenchmarkEnvironment('aid_campaign');
  const pool = new Pool({ connectionString: serviceDatabaseUrl(adminUrl, 'aid'), options: '-c search_path=aid', max: 4, idleTimeoutMillis: 0 });
  const city = randomUUID();
  const district = randomUUID();
  const districtPath = `/${hex(city)}/${hex(district)}/`;
  const streets = [randomUUID(), randomUUID()];
  const streetPath = (i: number) => `${districtPath}${hex(streets[i])}/`;

  const system = await startSystem({ adminUrl, ports: { gateway: 3990, membership: 3991, aid: 3992, training: 3993, mediation: 3994 }, logDir: path.join(REPO_ROOT, '.local', 'bench-logs-aid-campaign') });
  try {
    const login = await request(`${system.urls.gateway}/api/v1/auth/token`, 'POST', { 'content-type': 'application/json' }, JSON.stringify({ username: 'admin', password: 'Gonghui@2026' }));
    const { accessToken } = JSON.parse(login.body) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const aid = `${system.urls.aid}/api/v1/aid`;
    const call = async (method: string, url: string, body: object | undefined, expected: number) => {
      const res = await request(`${aid}${url}`, method, headers, body === undefined ? undefined : JSON.stringify(body));
      if (res.status !== expected) throw new Error(`${method} ${url}: ${res.status} ${res.body.slice(0, 500)}`);
      return JSON.parse(res.body);
    };

    log(`fixtures: ${MEMBERS.toLocaleString()} members, ${FILES.toLocaleString()} hardship files, ${APPLICATIONS} decided applications`);
    const members = Array.from({ length: MEMBERS }, () => randomUUID());
    // Hand-written: bulk loading of fixtures, not the code under measurement
    for (let start = 0; start < MEMBERS; start += 20_000) {
      const chunk = members.slice(start, start + 20_000);
      await pool.query(
        `INSERT INTO member_directory (member_id, org_unit_id, org_unit_path, status) SELECT m, $2, $3 || CASE WHEN i % 2 = 0 THEN $4 ELSE $5 END || '/', 'active' FROM unnest($1::uuid[]) WITH ORDINALITY AS x(m, i)`,
        [chunk, district, districtPath, hex(streets[0]), hex(streets[1])],
      );
    }
    // files: the first half in street 0, the second in street 1; every fifth sudden-accident (not qualifying)
    await pool.query(
      `INSERT INTO hardship_files (id, member_id, org_unit_id, org_unit_path, status, cause, household_size, visited_on, visited_by, visit_details_cipher, household_key, grade, graded_at, last_visited_on)
       SELECT gen_random_uuid(), x.m, $2, CASE WHEN x.i <= $3 / 2 THEN $4 ELSE $5 END, 'open', 'illness', 3, '2026-10-01', 'bench', 'bench', 'bench-' || x.i,
              CASE WHEN x.i % 5 = 0 THEN 'sudden-accident' WHEN x.i % 2 = 0 THEN 'deep' ELSE 'relative' END, now(), '2026-10-01'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(m, i)`,
      [members.slice(0, FILES), district, FILES, streetPath(0), streetPath(1)],
    );
    // the member directory's path must match the file's street for the files' members
    await pool.query(`UPDATE member_directory d SET org_unit_path = f.org_unit_path FROM hardship_files f WHERE f.member_id = d.member_id`);
    const decision = JSON.stringify({ meeting: '压测主席办公会', meetingOn: '2027-01-15', attendees: ['甲', '乙', '丙'], votesFor: 3, votesAgainst: 0, abstentions: 0, passed: true, approvedAmountFen: WARMTH, by: 'bench', at: new Date().toISOString() });
    const firstListed = Math.floor(FILES * 0.3); // the files before it are listed by no channel: the missed
    const applicants = members.slice(firstListed + 500, firstListed + 500 + APPLICATIONS);
    const applicationIds = applicants.map(() => randomUUID());
    await pool.query(
      `INSERT INTO aid_applications (id, member_id, org_unit_id, org_unit_path, kind, requested_amount_fen, reason, stage, decision, submitted_by, submitted_at)
       SELECT a.id, a.m, $3, d.org_unit_path, 'living', $4, '春节生活困难', 'decided', $5::jsonb, 'bench', now()
         FROM unnest($1::uuid[], $2::uuid[]) AS a(id, m) JOIN member_directory d ON d.member_id = a.m`,
      [applicationIds, applicants, district, WARMTH, decision],
    );

    const budget = await call('POST', '/budgets', { name: '2027年两节送温暖专项资金', year: 2027, source: 'federation-appropriation', amountFen: LISTED * WARMTH, orgUnitPath: districtPath }, 201);
    const campaign = await call(
      'POST',
      '/campaigns',
      { name: '2027年两节送温暖（压测）', kind: 'spring-warmth', budgetId: budget.id, startsOn: '2027-01-10', endsOn: '2027-02-10', cashFen: WARMTH, eligibility: NO_RULES ? [] : [{ fact: 'hardship-grade', anyOf: ['deep', 'relative'] }] },
      201,
    );

    // channels through the API
    const nominees = members.slice(firstListed, firstListed + LISTED - STRANGERS);
    const strangers = Array.from({ length: STRANGERS }, () => randomUUID());
    const roster = ['会员编号,用工形式', ...nominees.map((m, i) => `${m},${i % 3 === 0 ? '外卖骑手' : ''}`), ...strangers.map((m) => `${m},`)].join('\n');
    const nominateStart = Date.now();
    const job = await call('POST', `/campaigns/${campaign.id}/nominations`, { nominatedBy: '区总工会及157家企业', fileName: 'nominations.csv', contentBase64: Buffer.from(roster, 'utf8').toString('base64') }, 202);
    for (;;) {
      const view = await call('GET', `/campaigns/${campaign.id}/nominations/${job.id}`, undefined, 200);
      if (view.status === 'completed') break;
      if (view.status !== 'running') throw new Error(`nomination ${view.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const nominateSeconds = seconds(nominateStart);
    const filesStart = Date.now();
    const fromFiles = await call('POST', `/campaigns/${campaign.id}/hardship-files`, { orgUnitPath: streetPath(1) }, 200);
    const filesSeconds = seconds(filesStart);
    await call('POST', `/campaigns/${campaign.id}/applications`, { applicationIds }, 200);
    // some nominees left the union after they were nominated
    await pool.query(`UPDATE member_directory SET status = 'left' WHERE member_id = ANY($1)`, [nominees.slice(-LEFT - 1, -1)]);

    // the raw-SQL baseline: the same classification of the same list in one statement
    const baselineStart = Date.now();
    // Hand-written: the baseline under comparison
    const baseline = await pool.query<{ outcome: string; n: number }>(
      `WITH people AS (
         SELECT l.member_id, count(DISTINCT l.channel) > 1 AS duplicate FROM aid_campaign_listings l WHERE l.campaign_id = $1 GROUP BY l.member_id
       ), verdicts AS (
         SELECT p.member_id, CASE
                  WHEN d.member_id IS NULL THEN 'not-member' WHEN d.status = 'left' THEN 'left' WHEN d.status <> 'active' THEN 'not-member'
                  WHEN EXISTS (SELECT 1 FROM aid_applications a WHERE a.campaign_id = $1 AND a.member_id = p.member_id AND a.stage IN ('approved', 'disbursed', 'followed-up')) THEN 'already-paid'
                  WHEN NOT $3 AND (f.grade IS NULL OR f.grade NOT IN ('deep', 'relative')) THEN 'ineligible' ELSE 'payable' END AS outcome
           FROM people p LEFT JOIN member_directory d ON d.member_id = p.member_id AND d.org_unit_path LIKE $2 || '%'
           LEFT JOIN hardship_files f ON f.member_id = p.member_id AND f.status = 'open'
         UNION ALL
         SELECT f.member_id, 'missed' FROM hardship_files f JOIN member_directory d ON d.member_id = f.member_id AND d.status = 'active'
          WHERE NOT $3 AND f.status = 'open' AND f.grade IN ('deep', 'relative') AND f.org_unit_path LIKE $2 || '%'
            AND NOT EXISTS (SELECT 1 FROM aid_campaign_listings l WHERE l.campaign_id = $1 AND l.member_id = f.member_id)
       )
       SELECT outcome, count(*)::int AS n FROM verdicts GROUP BY outcome ORDER BY outcome`,
      [campaign.id, districtPath, NO_RULES],
    );
    const baselineSeconds = seconds(baselineStart);

    const checkStart = Date.now();
    const summary = await call('POST', `/campaigns/${campaign.id}/cross-check`, undefined, 200);
    const checkSeconds = seconds(checkStart);
    const confirmStart = Date.now();
    const confirmed = await call('POST', `/campaigns/${campaign.id}/confirm`, undefined, 200);
    const confirmSeconds = seconds(confirmStart);

    const agree = baseline.rows.every((r) => summary.counts[r.outcome] === r.n);
    console.log('\n| Step | Time |');
    console.log('|---|---|');
    console.log(`| Roster nomination of ${(LISTED).toLocaleString()} rows (job, until completed) | ${nominateSeconds.toFixed(1)} s |`);
    console.log(`| Hardship-file channel, one street (${fromFiles.added.toLocaleString()} files listed) | ${filesSeconds.toFixed(1)} s |`);
    console.log(`| **Baseline: raw SQL classification, one statement** | ${baselineSeconds.toFixed(1)} s |`);
    console.log(`| **Cross-check through the aid service** (classify + write ${summary.listed + summary.counts.missed} verdicts) | ${checkSeconds.toFixed(1)} s |`);
    console.log(`| Confirm ${confirmed.beneficiaries.toLocaleString()} payable: applications, reservation, payment batch | ${confirmSeconds.toFixed(1)} s |`);
    console.log(`\nreport: listed ${summary.listed.toLocaleString()}, duplicates ${summary.duplicates.toLocaleString()}, ${JSON.stringify(summary.counts)}, payable ${summary.payableFen} fen`);
    console.log(`baseline: ${JSON.stringify(Object.fromEntries(baseline.rows.map((r) => [r.outcome, r.n])))}; agrees with the service: ${agree}`);
    console.log(`\ntarget (issue 10): cross-check of ${summary.listed.toLocaleString()} people against ${MEMBERS.toLocaleString()} members and ${FILES.toLocaleString()} files < 30 s: ${checkSeconds.toFixed(1)} s -> ${checkSeconds < 30 && agree ? 'met' : 'NOT met'}`);
  } finally {
    await system.stop();
    await pool.end();
    closeConnections();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
