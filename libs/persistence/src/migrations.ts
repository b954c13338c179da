import { Pool } from 'pg';

export interface Migration {
  /** Sortable, unique, never renamed once applied: e.g. `0001_members`. */
  name: string;
  sql: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Apply the pending migrations of one service's schema, each in its own transaction.
 * Replicas starting together serialise on an advisory lock keyed by the schema, so each
 * migration runs exactly once. Migrations are listed explicitly by the service, never globbed.
 */
export async function runMigrations(pool: Pool, schema: string, migrations: readonly Migration[]): Promise<MigrationResult> {
  assertOrdered(migrations);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const done = new Set(
        (await client.query<{ name: string }>(`SELECT name FROM ${schema}.schema_migrations`)).rows.map((r) => r.name),
      );
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.name)) continue;
        await client.query('BEGIN');
        try {
          await client.query(`SET LOCAL search_path = ${schema}`);
          await client.query(migration.sql);
          await client.query(`INSERT INTO ${schema}.schema_migrations (name) VALUES ($1)`, [migration.name]);
          await client.query('COMMIT');
          applied.push(migration.name);
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${schema}/${migration.name} failed: ${(error as Error).message}`);
        }
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]);
    }
  } finally {
    client.release();
  }
}

function assertOrdered(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i - 1].name >= migrations[i].name) {
      throw new Error(`migrations must be listed in ascending order: ${migrations[i - 1].name} before ${migrations[i].name}`);
    }
  }
}
