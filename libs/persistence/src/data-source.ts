import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { EntityClass, MigrationClass } from './sql-migration';

export interface ServiceDataSourceOptions {
  /** Connection URL of the service's own database role. */
  url: string;
  /** The service's schema; every connection's search_path is set to it (and nothing else). */
  schema: string;
  /** Every entity of the service, listed explicitly (globs break in bundled builds). */
  entities: EntityClass[];
  /** The service's `MigrationInterface` classes, in the order they apply. */
  migrations?: MigrationClass[];
  poolSize?: number;
  applicationName?: string;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * The one DataSource of a service. It logs in as the service's own role, and every connection's
 * search_path is the service's schema, set through the startup options: TypeORM's `schema`
 * option alone places its own tables there but leaves hand-written SQL resolving in `public`.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}

export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? options.schema,
    connectTimeoutMS: 10_000,
    extra: {
      options: searchPathOption(options.schema),
      // Connections stay open however long they idle. Closing them after 30 s (pg's default here)
      // made the first burst after a quiet spell open them all again at once: a backend fork, SCRAM
      // authentication and cold catalog caches each, which held every request in flight about 300 ms.
      idleTimeoutMillis: 0,
    },
  };
}

function searchPathOption(schema: string): string {
  return `-c search_path=${schema}`;
}

/**
 * A connection of its own, outside the DataSource's pool, with the same role and search_path:
 * for a session that LISTENs or holds a session-level advisory lock, which a pooled connection
 * handed back and forth would lose or leak.
 */
export async function openDedicatedConnection(dataSource: DataSource, applicationName: string): Promise<Client> {
  const options = dataSource.options as { url?: string; schema?: string };
  if (!options.url || !options.schema) throw new Error('the DataSource was not made by createServiceDataSource');
  const client = new Client({ connectionString: options.url, options: searchPathOption(options.schema), application_name: applicationName, connectionTimeoutMillis: 10_000 });
  // A connection lost later (database restart) reports through the next query, not as a crash.
  client.on('error', () => undefined);
  await client.connect();
  return client;
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
