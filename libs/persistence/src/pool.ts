import { Pool, PoolConfig } from 'pg';

export interface ServicePoolOptions {
  /** Connection URL of the service's own database role. */
  url: string;
  /** The service's schema; every connection's search_path is set to it (and nothing else). */
  schema: string;
  max?: number;
  applicationName?: string;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A pool whose every connection sees only the service's schema. `search_path` is set per
 * connection through the startup options, so raw SQL never lands in `public`.
 */
export function createServicePool(options: ServicePoolOptions): Pool {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
  const config: PoolConfig = {
    connectionString: options.url,
    max: options.max ?? 10,
    options: `-c search_path=${options.schema}`,
    application_name: options.applicationName ?? options.schema,
    // Connections stay open however long they idle. Closing them after 30 s (pg's default here)
    // made the first burst after a quiet spell open them all again at once: a backend fork, SCRAM
    // authentication and cold catalog caches each, which held every request in flight about 300 ms.
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: 10_000,
  };
  const pool = new Pool(config);
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Replace the user (and password) of a Postgres URL, keeping host, port and database. */
export function withRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
