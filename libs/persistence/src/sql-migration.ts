/**
 * How this project's TypeORM migrations are named and tied to the history of the runner before
 * TypeORM. A migration is a `MigrationInterface` class named `<What><13-digit timestamp>`
 * (TypeORM orders by the timestamp); one that existed before TypeORM also has
 * `static readonly legacyName = '0001_…'`, the name the old runner recorded.
 */
import type { MigrationInterface } from 'typeorm';

export interface LegacyNamedMigration {
  readonly legacyName?: string;
}

/** A migration as a DataSource lists it: its class. */
export type MigrationClass = (new () => MigrationInterface) & LegacyNamedMigration;

/** An entity as a DataSource lists it: its class. */
export type EntityClass = new () => object;

export function legacyNameOf(migration: MigrationClass): string | undefined {
  return migration.legacyName;
}

export function migrationName(migration: MigrationClass): string {
  return new migration().name ?? migration.name;
}

export function migrationTimestamp(name: string): number {
  const timestamp = Number(name.slice(-13));
  if (!Number.isInteger(timestamp) || timestamp <= 0) throw new Error(`migration ${name} must end with a 13-digit timestamp`);
  return timestamp;
}
