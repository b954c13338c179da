import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { REPO_ROOT, serviceDatabaseUrl, startSystem } from '@gonghui/infra';
import { closeConnections, request } from './http-client';
import { freshBenchmarkEnvironment } from './environment';
import { Figures, measure, printTable } from './measure';

/**
 * Fair booking at scale (issue 11): --members (default 2,000) members booking --sessions (default
 * 100) sessions of --seats (default 20) seats, talking to the training service directly (the
 * gateway's rate limits would measure the gateway). Each member books two sessions, so every
 * session fills and gets a waiting list as long as its seats. Checked afterwards: no session over
 * capacity, every seat went to an earlier arrival than anyone waiting, the lists in arrival
 * order with the positions the answers gave. Printed beside a raw-SQL baseline of the same seat
 * take (lock the session row, check for a place, insert the booking, count the seat; one
 * transaction each) on a second set of sessions.
 *
 *   npm run bench:training -- --members=2000 --sessions=100 --seats=20 --concurrency=64
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const MEMBERS = arg('members', 2000);
const SESSIONS = arg('sessions', 100);
const SEATS = arg('seats', 20);
const CONCURRENCY = arg('concurrency', 64);
const BOOKINGS = 2 * MEMBERS;
const POOL = Number(process.env.DATABASE_POOL_SIZE ?? 10);

const log = (m: string) => console.log(`[bench] ${m}`);
const hex = (id: string) => id.replace(/-/g, '');

/** Member i's two choices, never the same session: for each block of `sessions` members both are permutations, so each session is chosen by 2 × members / sessions members. */
const choices = (i: number): [number, number] => [i % SESSIONS, ((i % SESSIONS) + 1 + (Math.floor(i / SESSIONS) % (SESSIONS - 1))) % SESSIONS];

async function main(): Promise<void> {
  const adminUrl = await freshBenchmarkEnvironment('training');

  // As many connections as the service's own pool (DATABASE_POOL_SIZE, 10): the baseline takes seats with the same database means.
  const pool = new Pool({ connectionString: serviceDatabaseUrl(adminUrl, 'training'), options: '-c search_path=training', max: POOL, idleTimeoutMillis: 1000 });
  const district = randomUUID();
  const districtPath = `/${hex(randomUUID())}/${hex(district)}/`;
  const members = Array.from({ length: MEMBERS }, () => randomUUID());
  // Hand-written: bulk loading of fixtures (the member directory as membership's events would fill it), not the code under measurement.
  await pool.query(`INSERT INTO member_directory (member_id, org_unit_id, org_unit_path, status) SELECT m, $2, $3, 'active' FROM unnest($1::uuid[]) m`, [members, district, districtPath]);

  // Its own range: 3970–3974 are e2e/console-aid.e2e-spec.ts's.
  const system = await startSystem({ adminUrl, ports: { gateway: 3975, membership: 3976, aid: 3977, training: 3978, mediation: 3979 }, logDir: path.join(REPO_ROOT, '.local', 'bench-logs') });
  const results: Figures[] = [];
  try {
    const login = await request(`${system.urls.gateway}/api/v1/auth/token`, 'POST', { 'content-type': 'application/json' }, JSON.stringify({ username: 'admin', password: 'Gonghui@2026' }));
    const { accessToken } = JSON.parse(login.body) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const training = `${system.urls.training}/api/v1/training`;
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const schedule = async (i: number, set: string): Promise<string> => {
      const body = { courseTitle: `压测课程 ${set} ${i + 1}`, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(), location: '市职工文化宫', capacity: SEATS };
      const res = await request(`${training}/sessions`, 'POST', headers, JSON.stringify(body));
      if (res.status !== 201) throw new Error(`session: ${res.status} ${res.body}`);
      return (JSON.parse(res.body) as { id: string }).id;
    };
    const sessions: string[] = [];
    const baselineSessions: string[] = [];
    for (let i = 0; i < SESSIONS; i += 1) sessions.push(await schedule(i, 'A'));
    for (let i = 0; i < SESSIONS; i += 1) baselineSessions.push(await schedule(i, 'B'));

    // The same seat take in raw SQL: lock the session, check the member has no place, take a seat or a place on the list.
    const rawTake = async (op: number): Promise<boolean> => {
      const member = members[op >> 1];
      const session = baselineSessions[choices(op >> 1)[op & 1]];
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const s = (await client.query<{ capacity: number; booked: number }>('SELECT capacity, booked FROM sessions WHERE id = $1 FOR UPDATE', [session])).rows[0];
        const has = await client.query(`SELECT 1 FROM bookings WHERE session_id = $1 AND member_id = $2 AND status IN ('booked', 'waiting', 'offered')`, [session, member]);
        if (has.rowCount === 0) {
          const full = s.booked >= s.capacity;
          await client.query(
            `INSERT INTO bookings (id, session_id, member_id, org_unit_path, booked_at, status)
             VALUES ($1, $2, $3, $4, greatest(now(), (SELECT max(booked_at) + interval '1 millisecond' FROM bookings WHERE session_id = $2)), $5)`,
            [randomUUID(), session, member, districtPath, full ? 'waiting' : 'booked'],
          );
          if (!full) await client.query('UPDATE sessions SET booked = booked + 1 WHERE id = $1', [session]);
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
    // Each answer's status and waiting position, to compare with the lists afterwards.
    const answers = new Map<string, { session: string; status: string; position: number | null }>();
    const refusals = new Map<string, number>();
    const book = async (op: number): Promise<boolean> => {
      const member = members[op >> 1];
      const session = sessions[choices(op >> 1)[op & 1]];
      const res = await request(`${training}/sessions/${session}/bookings`, 'POST', headers, JSON.stringify({ memberId: member }));
      if (res.status !== 201) {
        const reason = `${res.status} ${(JSON.parse(res.body || '{}') as { type?: string }).type ?? ''}`;
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
        return false;
      }
      const body = JSON.parse(res.body) as { id: string; status: string; waitingPosition: number | null };
      answers.set(body.id, { session, status: body.status, position: body.waitingPosition });
      return true;
    };
    log(`${MEMBERS} members, ${SESSIONS} sessions of ${SEATS} seats, ${BOOKINGS} bookings at ${CONCURRENCY} clients`);
    results.push(await measure(`baseline: raw SQL seat take (lock + check + insert + count), ${CONCURRENCY} clients, ${POOL} conns`, BOOKINGS, CONCURRENCY, rawTake));
    const serviceRun = await measure(`book via the training service (seat or waiting list), ${CONCURRENCY} clients`, BOOKINGS, CONCURRENCY, book);
    results.push(serviceRun);

    // Checks: capacity, first come first served, lists in arrival order with the answered positions.
    const overCapacity = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions s WHERE s.booked > s.capacity OR (SELECT count(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'booked') > s.capacity`)).rows[0].n;
    const unfair = (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sessions s
          WHERE s.id = ANY($1) AND (SELECT max(booked_at) FROM bookings WHERE session_id = s.id AND status = 'booked') >= (SELECT min(booked_at) FROM bookings WHERE session_id = s.id AND status = 'waiting')`,
        [sessions],
      )
    ).rows[0].n;
    const lists = (
      await pool.query<{ id: string; session_id: string; position: number }>(
        `SELECT id, session_id, row_number() OVER (PARTITION BY session_id ORDER BY booked_at, id)::int AS position FROM bookings WHERE session_id = ANY($1) AND status = 'waiting'`,
        [sessions],
      )
    ).rows;
    const misplaced = lists.filter((row) => answers.get(row.id)?.position !== row.position).length;
    const seats = (await pool.query<{ booked: number; waiting: number }>(`SELECT count(*) FILTER (WHERE status = 'booked')::int AS booked, count(*) FILTER (WHERE status = 'waiting')::int AS waiting FROM bookings WHERE session_id = ANY($1)`, [sessions])).rows[0];

    printTable(results);
    console.log(`\nservice: ${seats.booked} seats booked (${SESSIONS} × ${SEATS} = ${SESSIONS * SEATS}), ${seats.waiting} waiting; ${serviceRun.seconds.toFixed(1)} s for ${BOOKINGS} bookings`);
    if (refusals.size > 0) console.log(`refused: ${[...refusals].map(([reason, n]) => `${n} × ${reason}`).join(', ')}`);
    console.log(`sessions over capacity: ${overCapacity}; sessions where someone waits who came before a seated member: ${unfair}; waiting places whose answered position differs from the list: ${misplaced} of ${lists.length}`);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log('\ntargets (issue 11):');
    console.log(`  no seat over capacity, lists in arrival order: ${verdict(overCapacity === 0 && unfair === 0 && misplaced === 0 && seats.booked === SESSIONS * SEATS)}`);
    console.log(`  ${MEMBERS.toLocaleString()} members booking ${SESSIONS} sessions within a minute: ${serviceRun.seconds.toFixed(1)} s -> ${verdict(serviceRun.seconds < 60 && serviceRun.failures === 0)}`);
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
