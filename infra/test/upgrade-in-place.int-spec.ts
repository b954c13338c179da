import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Client } from 'pg';
import { withDatabase } from '@gonghui/persistence';
import { migrateAll, provisionDatabase, serviceDatabaseUrl, SERVICES } from '@gonghui/infra';

/**
 * A database made by the main branch before TypeORM upgrades in place: each service's
 * migrate step carries the applied-migration history over from `schema_migrations` to
 * TypeORM's table, applies nothing twice, and loses no row.
 */
describe('upgrade in place of a database made by the previous main', () => {
  const url = withDatabase(process.env.TEST_DATABASE_URL!, 'gonghui_test_upgrade');
  let db: Client;

  const rowCounts = async (): Promise<Record<string, number>> => {
    const tables: { name: string }[] = (
      await db.query(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
          WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
        [SERVICES],
      )
    ).rows;
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await db.query(`SELECT count(*) AS n FROM ${name}`)).rows[0].n);
    return counts;
  };

  beforeAll(async () => {
    await provisionDatabase(url, { recreate: true });
    db = new Client({ connectionString: url });
    await db.connect();
    const dump = zlib.gunzipSync(fs.readFileSync(path.join(__dirname, 'fixtures/previous-main.sql.gz'))).toString('utf8');
    await db.query(dump);
    await db.query(`SET search_path = public`); // the dump cleared it for its session
  });

  afterAll(async () => {
    await db?.end();
  });

  it('carries the migration history over, applies nothing twice, and keeps every row of every table', async () => {
    const before = await rowCounts();
    expect(Object.keys(before)).toContain('membership.members');
    expect(before['membership.members']).toBeGreaterThan(0);
    expect(before['aid.hardship_files']).toBeGreaterThan(0);
    const legacyHistory = (await db.query(`SELECT name, applied_at FROM membership.schema_migrations ORDER BY name`)).rows;

    await migrateAll(url, { ...process.env, TEST_MIGRATE_SERVICES: undefined });

    expect(await rowCounts()).toEqual(before);
    for (const service of SERVICES) {
      const legacy = (await db.query(`SELECT name FROM ${service}.schema_migrations`)).rows;
      const typeorm = (await db.query(`SELECT name FROM ${service}.migrations ORDER BY "timestamp"`)).rows;
      // Every migration the old runner applied has its TypeORM history row, and no more were run.
      expect(typeorm).toHaveLength(legacy.length);
    }
    expect((await db.query(`SELECT name, applied_at FROM membership.schema_migrations ORDER BY name`)).rows).toEqual(legacyHistory);

    // A second migrate step (another replica, the next deploy) finds nothing to do.
    const history = (await db.query(`SELECT * FROM membership.migrations ORDER BY id`)).rows;
    await migrateAll(url, { ...process.env, TEST_MIGRATE_SERVICES: undefined });
    expect((await db.query(`SELECT * FROM membership.migrations ORDER BY id`)).rows).toEqual(history);
    expect(await rowCounts()).toEqual(before);
  });

  it('leaves each schema usable by its own role after the upgrade', async () => {
    const counts = await rowCounts();
    const membership = new Client({ connectionString: serviceDatabaseUrl(url, 'membership'), options: '-c search_path=membership' });
    await membership.connect();
    try {
      const { rows } = await membership.query('SELECT count(*) AS n FROM members');
      expect(Number(rows[0].n)).toBe(counts['membership.members']);
    } finally {
      await membership.end();
    }
  });
});
