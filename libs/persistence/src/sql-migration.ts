/**
 * How this project's TypeORM migrations are named and tied to the history of the runner before
 * TypeORM. A migration is a `MigrationInterface` class named `<What><13-digit timestamp>`
 * (TypeORM orders by the timestamp); one that existed before TypeORM also has
 * `static readonly legacyName = '0001_…'`, the name the old runner recorded.
 */
export interface LegacyNamedMigration {
  readonly legacyName?: string;
}

export function legacyNameOf(migration: Function): string | undefined {
  return (migration as unknown as LegacyNamedMigration).legacyName;
}

export function migrationName(migration: Function): string {
  const instance = new (migration as new () => { name?: string })();
  return instance.name ?? migration.name;
}

export function migrationTimestamp(name: string): number {
  const timestamp = Number(name.slice(-13));
  if (!Number.isInteger(timestamp) || timestamp <= 0) throw new Error(`migration ${name} must end with a 13-digit timestamp`);
  return timestamp;
}
