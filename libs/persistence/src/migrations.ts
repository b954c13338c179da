import { DataSource } from 'typeorm';
import { openDedicatedConnection } from './data-source';
import { legacyNameOf, MigrationClass, migrationName, migrationTimestamp } from './sql-migration';

export interface MigrationResult {
  applied: string[];
}

/**
 * Apply the pending migrations of one service's schema with TypeORM's runner, each in its own
 * transaction. Replicas starting together serialise on an advisory lock keyed by the schema
 * (the same key the earlier runner used, so an old replica and a new one never race either),
 * held by a session of its own for the whole run.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<MigrationResult> {
  const lockSession = await openDedicatedConnection(dataSource, `${schema}-migrations`);
  try {
    await lockSession.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    await carryOverLegacyHistory(dataSource, schema);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { applied: applied.map((m) => m.name) };
  } finally {
    // Ending the session releases the lock, also when a migration failed.
    await lockSession.end().catch(() => undefined);
  }
}

/**
 * Databases made before TypeORM recorded applied migrations by name in `schema_migrations`.
 * Each migration class that replaces one of those names declares it (`static legacyName`); its
 * TypeORM history row is written here, once, so it is not applied again. `schema_migrations`
 * itself stays, as the record of when they were applied.
 */
async function carryOverLegacyHistory(dataSource: DataSource, schema: string): Promise<void> {
  const [{ legacy }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS legacy`, [`${schema}.schema_migrations`]);
  if (!legacy) return;
  const applied = new Set<string>((await dataSource.query(`SELECT name FROM schema_migrations`)).map((r: { name: string }) => r.name));
  const carried = (dataSource.options.migrations as MigrationClass[]).filter((m) => {
    const legacyName = legacyNameOf(m);
    return legacyName !== undefined && applied.has(legacyName);
  });
  if (carried.length === 0) return;
  await dataSource.transaction(async (tx) => {
    await tx.query(`CREATE TABLE IF NOT EXISTS migrations (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name character varying NOT NULL)`);
    const known = new Set<string>((await tx.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name));
    for (const migration of carried) {
      const name = migrationName(migration);
      if (known.has(name)) continue;
      await tx.query(`INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)`, [migrationTimestamp(name), name]);
    }
  });
}
