import { DataSource, EntityManager } from 'typeorm';

/** The EntityManager of an open transaction: what repositories, handlers and the outbox writer take. */
export type Tx = EntityManager;

/** Run `work` in one transaction; commit if it resolves, roll back if it throws. */
export function inTransaction<T>(dataSource: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}

/** Postgres error codes the services react to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  insufficientPrivilege: '42501',
  serializationFailure: '40001',
} as const;

export interface PgError extends Error {
  code: string;
  constraint?: string;
}

/** A Postgres error with this code: raw from pg, or as TypeORM's QueryFailedError, which carries the driver error's `code` and `constraint`. */
export function isPgError(error: unknown, code: string): error is PgError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * `manager.query` answers SELECT and INSERT … RETURNING with the rows, but UPDATE and DELETE
 * with `[rows, affectedCount]`: this gives the count either way.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}

/** The rows of an UPDATE or DELETE … RETURNING run through `manager.query`. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
