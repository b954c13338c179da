import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inScope, Principal, scopeLikePattern } from '@gonghui/auth';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from './pagination';
import { Problem } from './problem';

/**
 * Data scope in the repository: a user sees and changes only their unit's subtree. Every
 * scoped record carries its organisation path; these are the two ways a repository asks for it.
 */

/** Narrow a query to the principal's subtree, on the alias's path column (`f.orgUnitPath`). */
export function whereInScope<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, pathColumn: string, principal: Principal): SelectQueryBuilder<E> {
  return query.andWhere(`${pathColumn} LIKE :scopeLike`, { scopeLike: scopeLikePattern(principal) });
}

/**
 * The record if it exists in the principal's subtree; otherwise the 404 a record of another
 * district gets too, so that its existence is not revealed.
 */
export function requireInScope<E>(record: E | null | undefined, pathOf: (record: E) => string, principal: Principal, notFound: string): E {
  if (!record || !inScope(principal, pathOf(record))) throw Problem.notFound(notFound);
  return record;
}

export interface KeysetOrder<E> {
  /** The query's time column and id column, e.g. `f.openedAt` and `f.id`. */
  time: string;
  id: string;
  /** What the id column holds: a UUID (the default) or a bigserial number, read as a decimal string. */
  idKind?: 'uuid' | 'bigint';
  /** The position of a row, for the next page's cursor. */
  positionOf: (row: E) => { t: Date; id: string };
  /** Oldest first (the default) or newest first; a cursor pages on in the direction of the list it came from. */
  direction?: 'ASC' | 'DESC';
}

/**
 * The condition for the rows after a cursor's position, in the list's direction: later rows when
 * oldest first, earlier ones when newest first. A row comparison, so that one index on (…, time, id)
 * serves it in either direction (read backwards for newest first).
 */
export function afterPosition(order: { time: string; id: string; direction?: 'ASC' | 'DESC' }): string {
  return `(${order.time}, ${order.id}) ${order.direction === 'DESC' ? '<' : '>'} (:afterTime, :afterId)`;
}

/**
 * One page of a list ordered by (time, id), the order every list here uses (oldest first unless
 * `order.direction` is 'DESC'): the query asks for limit + 1 rows after the cursor's position; the
 * extra row, if it came, means a next page.
 * A cursor whose contents are not such a position is a 400 (decodeCursor), never a database error.
 */
export async function keysetPage<E extends ObjectLiteral, T>(
  query: SelectQueryBuilder<E>,
  page: { limit?: number; cursor?: string },
  order: KeysetOrder<E>,
  toItem: (row: E) => T,
): Promise<Page<T>> {
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor<{ t: string; id: string }>(page.cursor, { t: 'timestamp', id: order.idKind ?? 'uuid' });
  if (after) query.andWhere(afterPosition(order), { afterTime: after.t, afterId: after.id });
  const direction = order.direction ?? 'ASC';
  const rows = await query.orderBy(order.time, direction).addOrderBy(order.id, direction).limit(limit + 1).getMany();
  return toPage(rows, limit, toItem, (row) => {
    const position = order.positionOf(row);
    return { t: position.t.toISOString(), id: position.id };
  });
}
