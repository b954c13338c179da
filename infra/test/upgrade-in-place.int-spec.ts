import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Client } from 'pg';
import { withDatabase } from '@gonghui/persistence';
import { migrateAll, provisionDatabase, serviceDatabaseUrl, SERVICES } from '@gonghui/infra';
import { messagingMigrations } from '@gonghui/messaging';
import { legacyNameOf, migrationName, MigrationClass } from '@gonghui/persistence';
import { migrations as aid } from '../../services/aid/src/migrations';
import { migrations as gateway } from '../../services/gateway/src/migrations';
import { migrations as mediation } from '../../services/mediation/src/migrations';
import { migrations as membership } from '../../services/membership/src/migrations';
import { migrations as training } from '../../services/training/src/migrations';

/** Each service's migrations as its DataSource lists them. */
const MIGRATIONS: Record<string, MigrationClass[]> = Object.fromEntries(
  Object.entries({ aid, gateway, mediation, membership, training }).map(([service, own]) => [service, [...messagingMigrations, ...own]]),
);

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

    // Every table that was there keeps every row (migrations added since may add tables of their own).
    const after = await rowCounts();
    expect(Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]))).toEqual(before);
    for (const service of SERVICES) {
      const legacy = (await db.query(`SELECT name FROM ${service}.schema_migrations ORDER BY name`)).rows.map((r) => r.name);
      const typeorm = (await db.query(`SELECT name FROM ${service}.migrations ORDER BY "timestamp"`)).rows.map((r) => r.name);
      // The old runner's migrations were carried over, not run again; the ones added since ran once each.
      const all = MIGRATIONS[service];
      expect(all.filter((m) => legacyNameOf(m)).map((m) => legacyNameOf(m)).sort()).toEqual(legacy);
      expect(typeorm).toEqual(all.map(migrationName));
    }
    expect((await db.query(`SELECT name, applied_at FROM membership.schema_migrations ORDER BY name`)).rows).toEqual(legacyHistory);

    // A second migrate step (another replica, the next deploy) finds nothing to do.
    const history = (await db.query(`SELECT * FROM membership.migrations ORDER BY id`)).rows;
    await migrateAll(url, { ...process.env, TEST_MIGRATE_SERVICES: undefined });
    expect((await db.query(`SELECT * FROM membership.migrations ORDER BY id`)).rows).toEqual(history);
    expect(await rowCounts()).toEqual(after);
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
