import { Client } from 'pg';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { withDatabase, withRole } from '@gonghui/persistence';
import { serviceRole, ServiceName } from '@gonghui/service-kit';

export const SERVICES: readonly ServiceName[] = ['gateway', 'membership', 'aid', 'training', 'mediation'];
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** The admin URL (DATABASE_URL) names the database; default postgres://postgres@127.0.0.1:5432/gonghui. */
export function adminUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/gonghui';
}

export function rolePassword(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${service.toUpperCase()}_DB_PASSWORD`] ?? serviceRole(service);
}

/** The URL a service connects with: same server and database, its own role. */
export function serviceDatabaseUrl(adminUrl: string, service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  return withRole(adminUrl, serviceRole(service), rolePassword(service, env));
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

const PROVISION_ROLES_LOCK = 7_348_112_001;

/**
 * Create the database if missing, one login role and one schema per service, each role
 * limited to its own schema: nobody but the owner may connect-and-read another schema, and
 * `public` is closed. Safe to run again.
 */
export async function provisionDatabase(adminUrl: string, options: { recreate?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  const database = databaseName(adminUrl);
  const server = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await server.connect();
  try {
    if (options.recreate) await server.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    const exists = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await server.query(`CREATE DATABASE ${ident(database)}`);
    // Roles are shared by every database on the server: two provisionings at once (parallel test
    // shards, replicas starting together) would race on CREATE/ALTER ROLE without this lock.
    await server.query('SELECT pg_advisory_lock($1)', [PROVISION_ROLES_LOCK]);
    for (const service of SERVICES) {
      const role = serviceRole(service);
      const password = rolePassword(service, options.env);
      // Roles are cluster-wide: create once, keep the password current.
      await server.query(
        `DO $$ BEGIN
           IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role)}) THEN
             CREATE ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)};
           ELSE
             ALTER ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)};
           END IF;
         END $$`,
      );
    }
    await server.query('SELECT pg_advisory_unlock($1)', [PROVISION_ROLES_LOCK]);
  } finally {
    await server.end();
  }

  const db = new Client({ connectionString: adminUrl });
  await db.connect();
  try {
    await db.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await db.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    for (const service of SERVICES) {
      const role = serviceRole(service);
      await db.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(role)}`);
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${ident(service)} AUTHORIZATION ${ident(role)}`);
      await db.query(`REVOKE ALL ON SCHEMA ${ident(service)} FROM PUBLIC`);
      await db.query(`ALTER ROLE ${ident(role)} IN DATABASE ${ident(database)} SET search_path = ${ident(service)}`);
    }
  } finally {
    await db.end();
  }
}

/**
 * Run every service's own migrations, as that service's role, through its `dist/migrate.js`.
 * TEST_MIGRATE_SERVICES (a comma-separated list) narrows it, for a developer testing one
 * service whose suite migrates in-process anyway.
 */
export async function migrateAll(adminUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const only = env.TEST_MIGRATE_SERVICES?.split(',').map((s) => s.trim());
  for (const service of SERVICES) {
    if (only && !only.includes(service)) continue;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'services', service, 'dist', 'migrate.js')], {
        env: { ...env, DATABASE_URL: serviceDatabaseUrl(adminUrl, service, env) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${service} migrations exited with ${code}`))));
    });
  }
}
