import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PersonalDataVault } from '@gonghui/identifiers';
import { REPO_ROOT, serviceDatabaseUrl, startSystem } from '@gonghui/infra';
import { closeConnections, request } from './http-client';
import { freshBenchmarkEnvironment } from './environment';
import { Figures, measure, printTable } from './measure';

/**
 * Aid's money at campaign scale (issue 9). Two measurements on a fresh benchmark database with
 * the whole system running, talking to the aid service directly (the gateway's rate limits
 * would measure the gateway):
 *
 * 1. --approvals (default 1,000) approvals racing on one budget that holds only --fit of them
 *    (default 600): exactly that many succeed, the ledger balances to the fen, and the
 *    throughput is printed beside a raw-SQL baseline doing the same reservation (guarded UPDATE
 *    of the budget row + ledger INSERT + stage UPDATE, one transaction each).
 * 2. A --campaign (default 16,000) person batch, e.g. a city's Spring Festival "send warmth"
 *    campaign: from the committee's approval of the list (one set-based request) to the
 *    exported bank file (CSV), target under one minute.
 *
 *   npm run bench:aid -- --approvals=1000 --fit=600 --race-concurrency=100 --campaign=16000 --concurrency=32
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const APPROVALS = arg('approvals', 1000);
const FIT = arg('fit', 600);
const CAMPAIGN = arg('campaign', 16_000);
const CONCURRENCY = arg('concurrency', 32);
/** Clients in the race: 100 by default (a service's pool holds 10 connections; far more in flight wait past its 10 s connection timeout). */
const RACE = arg('race-concurrency', 100);
const AMOUNT = 10_000; // 100 yuan each
const WARMTH = 33_875; // 338.75 yuan: 5.42 million yuan over 16,000 workers

const log = (m: string) => console.log(`[bench] ${m}`);
const hex = (id: string) => id.replace(/-/g, '');

/** `count` members of `unitPath` known to aid, each with a decided application of `amountFen` (collective decision passed). */
async function decidedApplications(pool: Pool, unitId: string, unitPath: string, count: number, amountFen: number, withAccounts: boolean): Promise<string[]> {
  const vault = PersonalDataVault.fromEnv();
  const ids: string[] = [];
  const decision = JSON.stringify({ meeting: '压测主席办公会', meetingOn: '2026-11-26', attendees: ['甲', '乙', '丙'], votesFor: 3, votesAgainst: 0, abstentions: 0, passed: true, approvedAmountFen: amountFen, by: 'bench', at: new Date().toISOString() });
  for (let start = 0; start < count; start += 2000) {
    const n = Math.min(2000, count - start);
    const members = Array.from({ length: n }, () => randomUUID());
    const apps = Array.from({ length: n }, () => randomUUID());
    ids.push(...apps);
    // Hand-written: bulk loading of fixtures, not the code under measurement
    await pool.query(`INSERT INTO member_directory (member_id, org_unit_id, org_unit_path, status) SELECT m, $2, $3, 'active' FROM unnest($1::uuid[]) m`, [members, unitId, unitPath]);
    await pool.query(
      `INSERT INTO aid_applications (id, member_id, org_unit_id, org_unit_path, kind, requested_amount_fen, reason, stage, decision, submitted_by, submitted_at)
       SELECT a.id, a.m, $3, $4, 'living', $5, '两节送温暖', 'decided', $6::jsonb, 'bench', now() FROM unnest($1::uuid[], $2::uuid[]) AS a(id, m)`,
      [apps, members, unitId, unitPath, amountFen, decision],
    );
    if (withAccounts) {
      const ciphers = members.map((_, i) => vault.encrypt(JSON.stringify({ accountName: `职工${start + i}`, accountNumber: `62220200${String(start + i).padStart(11, '0')}` })));
      await pool.query(
        `INSERT INTO member_bank_accounts (member_id, bank_name, account_number_masked, account_cipher, updated_by, updated_at)
         SELECT m, '中国工商银行', '6222 **** **** 0000', c, 'bench', now() FROM unnest($1::uuid[], $2::text[]) AS x(m, c)`,
        [members, ciphers],
      );
    }
  }
  return ids;
}

async function main(): Promise<void> {
  const adminUrl = await freshBenchmarkEnvironment('aid');

  const pool = new Pool({ connectionString: serviceDatabaseUrl(adminUrl, 'aid'), options: '-c search_path=aid', max: CONCURRENCY, idleTimeoutMillis: 0 });
  const city = randomUUID();
  const cityPath = `/${hex(city)}/`;
  const district = randomUUID();
  const districtPath = `${cityPath}${hex(district)}/`;

  const system = await startSystem({ adminUrl, ports: { gateway: 3980, membership: 3981, aid: 3982, training: 3983, mediation: 3984 }, logDir: path.join(REPO_ROOT, '.local', 'bench-logs-aid') });
  const results: Figures[] = [];
  try {
    const login = await request(`${system.urls.gateway}/api/v1/auth/token`, 'POST', { 'content-type': 'application/json' }, JSON.stringify({ username: 'admin', password: 'Gonghui@2026' }));
    const { accessToken } = JSON.parse(login.body) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const aid = `${system.urls.aid}/api/v1/aid`;
    const fund = async (amountFen: number, name: string): Promise<string> => {
      const res = await request(`${aid}/budgets`, 'POST', headers, JSON.stringify({ name, year: 2026, source: 'federation-appropriation', amountFen, orgUnitPath: districtPath }));
      if (res.status !== 201) throw new Error(`budget: ${res.status} ${res.body}`);
      return (JSON.parse(res.body) as { id: string }).id;
    };

    // 1. racing approvals, and the raw-SQL baseline of the same reservation
    log(`${APPROVALS} decided applications for the race, ${APPROVALS} for the baseline`);
    const raced = await decidedApplications(pool, district, districtPath, APPROVALS, AMOUNT, false);
    const baselineApps = await decidedApplications(pool, district, districtPath, APPROVALS, AMOUNT, false);
    const racedBudget = await fund(FIT * AMOUNT, '压测资金（审批竞争）');
    const baselineBudget = await fund(FIT * AMOUNT, '压测资金（基线）');

    let approvedRaw = 0;
    const rawReserve = async (i: number): Promise<boolean> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const taken = await client.query('UPDATE budgets SET reserved_fen = reserved_fen + $2, available_fen = available_fen - $2 WHERE id = $1 AND available_fen >= $2', [baselineBudget, AMOUNT]);
        if (taken.rowCount === 1) {
          await client.query(`INSERT INTO budget_ledger_entries (id, budget_id, kind, amount_fen, application_id, actor, recorded_at) VALUES ($1, $2, 'reservation', $3, $4, 'bench', now())`, [randomUUID(), baselineBudget, AMOUNT, baselineApps[i]]);
          await client.query(`UPDATE aid_applications SET stage = 'approved', budget_id = $2, approved_amount_fen = $3, approved_at = now() WHERE id = $1`, [baselineApps[i], baselineBudget, AMOUNT]);
          approvedRaw += 1;
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
    let approvedHttp = 0;
    const approve = async (i: number): Promise<boolean> => {
      const res = await request(`${aid}/applications/${raced[i]}/approve`, 'POST', headers, JSON.stringify({ budgetId: racedBudget }));
      if (res.status === 200) approvedHttp += 1;
      return res.status === 200 || (res.status === 422 && res.body.includes('budget-insufficient'));
    };
    results.push(await measure(`baseline: raw SQL reservation (guarded UPDATE + ledger INSERT + stage UPDATE), ${APPROVALS} at ${RACE} clients`, APPROVALS, RACE, rawReserve));
    results.push(await measure(`approve via the aid service (${FIT} fit), ${APPROVALS} at ${RACE} clients`, APPROVALS, RACE, approve));

    const check = async (budgetId: string) => {
      const row = (await pool.query<{ reserved: string; available: string }>('SELECT reserved_fen AS reserved, available_fen AS available FROM budgets WHERE id = $1', [budgetId])).rows[0];
      const ledger = (await pool.query<{ reserved: string }>(`SELECT coalesce(sum(amount_fen), 0) AS reserved FROM budget_ledger_entries WHERE budget_id = $1 AND kind = 'reservation'`, [budgetId])).rows[0];
      return { reserved: Number(row.reserved), available: Number(row.available), ledgerReserved: Number(ledger.reserved) };
    };
    const racedFigures = await check(racedBudget);
    const baselineFigures = await check(baselineBudget);

    if (CAMPAIGN === 0) {
      printTable(results);
      console.log(`\nrace: ${approvedHttp} of ${APPROVALS} approved (room for ${FIT}); budget reserved ${racedFigures.reserved} fen, ledger reservations ${racedFigures.ledgerReserved} fen, available ${racedFigures.available} fen`);
      console.log(`baseline: ${approvedRaw} of ${APPROVALS} reserved; reserved ${baselineFigures.reserved} fen, ledger ${baselineFigures.ledgerReserved} fen, available ${baselineFigures.available} fen`);
      return;
    }
    // 2. the campaign: approvals of every person, the batch, the bank file
    log(`campaign of ${CAMPAIGN.toLocaleString()} people (fixtures: members, accounts, decided applications)`);
    const campaign = await decidedApplications(pool, district, districtPath, CAMPAIGN, WARMTH, true);
    const campaignBudget = await fund(CAMPAIGN * WARMTH, '两节送温暖专项资金');
    const campaignStart = Date.now();
    // the committee approves the campaign's list at once (one request, set-based, all or none)
    const approved = await request(`${aid}/budgets/${campaignBudget}/approve-applications`, 'POST', headers, JSON.stringify({ applicationIds: campaign }));
    if (approved.status !== 200) throw new Error(`campaign approval: ${approved.status} ${approved.body.slice(0, 500)}`);
    const approvalSeconds = (Date.now() - campaignStart) / 1000;
    const batchStart = Date.now();
    const batch = await request(`${aid}/payment-batches`, 'POST', headers, JSON.stringify({ budgetId: campaignBudget }));
    if (batch.status !== 201) throw new Error(`batch: ${batch.status} ${batch.body}`);
    const batchSeconds = (Date.now() - batchStart) / 1000;
    const exportStart = Date.now();
    const file = await request(`${aid}/payment-batches/${(JSON.parse(batch.body) as { id: string }).id}/export.csv`, 'GET', { authorization: headers.authorization });
    const exportSeconds = (Date.now() - exportStart) / 1000;
    const campaignSeconds = (Date.now() - campaignStart) / 1000;
    const lines = file.body.trim().split('\r\n').length - 1;

    printTable(results);
    console.log(`\nrace: ${approvedHttp} of ${APPROVALS} approved (room for ${FIT}); budget reserved ${racedFigures.reserved} fen, ledger reservations ${racedFigures.ledgerReserved} fen, available ${racedFigures.available} fen`);
    console.log(`baseline: ${approvedRaw} of ${APPROVALS} reserved; reserved ${baselineFigures.reserved} fen, ledger ${baselineFigures.ledgerReserved} fen, available ${baselineFigures.available} fen`);
    console.log(`campaign: ${CAMPAIGN.toLocaleString()} approvals ${approvalSeconds.toFixed(1)} s (one request), batch ${batchSeconds.toFixed(1)} s, CSV export of ${lines.toLocaleString()} lines ${exportSeconds.toFixed(1)} s: ${campaignSeconds.toFixed(1)} s from approval to bank file`);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log('\ntargets (issue 9):');
    // never overspent: the ledger and the row agree, nothing beyond the budget was reserved; all that fit were approved when no request failed
    const balanced = racedFigures.reserved === racedFigures.ledgerReserved && racedFigures.available >= 0 && racedFigures.reserved === approvedHttp * AMOUNT && approvedHttp <= FIT;
    console.log(`  racing approvals never overspend (ledger balances exactly): ${verdict(balanced)}`);
    console.log(`  every approval that fitted was made: ${verdict(approvedHttp === FIT)} (${results[1].failures} requests failed other than by 422)`);
    console.log(`  ${CAMPAIGN.toLocaleString()}-person batch from approval to bank file < 60 s: ${campaignSeconds.toFixed(1)} s -> ${verdict(campaignSeconds < 60 && lines === CAMPAIGN)}`);
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
