import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Problem } from './problem';

/** `?limit=&cursor=` on every list: limit 1..500, default 50; cursor is opaque. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** What one key of a cursor must hold: a cursor whose contents do not match is a 400, never a database error. */
export type CursorKey = 'string' | 'integer' | 'bigint' | 'timestamp' | 'uuid';

const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,2000}={0,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const INT4 = { min: -2_147_483_648, max: 2_147_483_647 };
/** A positive bigint (a bigserial id) as the decimal string Postgres and TypeORM give for one; within int8. */
const BIGINT = /^[1-9]\d{0,18}$/;
const INT8_MAX = BigInt('9223372036854775807');

function cursorProblem(): Problem {
  return Problem.badRequest('cursor 无效 / The cursor is not valid', [{ field: 'cursor', message: '无法识别的游标 / Unrecognised cursor' }]);
}

/**
 * The key's value in the form the query can use, or undefined when it is not one: a timestamp
 * comes back normalised (what Postgres accepts, years 1-9999), an integer fits an int4 column,
 * a bigint is a decimal string within int8, a string is short and has no NUL (which Postgres text refuses).
 */
function cursorValue(kind: CursorKey, value: unknown): string | number | undefined {
  switch (kind) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT4.min && value <= INT4.max ? value : undefined;
    case 'bigint':
      return typeof value === 'string' && BIGINT.test(value) && BigInt(value) <= INT8_MAX ? value : undefined;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
    case 'timestamp': {
      if (typeof value !== 'string' || !ISO_TIME.test(value)) return undefined;
      const [y, m, d] = value.slice(0, 10).split('-').map(Number);
      if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return undefined; // 2026-02-31 is no day (Date would roll it over)
      const time = new Date(value);
      const year = time.getUTCFullYear();
      return Number.isNaN(time.getTime()) || year < 1 || year > 9999 ? undefined : time.toISOString();
    }
    case 'string':
      return typeof value === 'string' && value.length <= 500 && !value.includes('\u0000') ? value : undefined;
  }
}

/**
 * The position a cursor holds, checked key by key against `shape` (e.g. `{ t: 'timestamp', id: 'uuid' }`):
 * exactly those keys, each of its kind. Anything else (not base64url, not JSON, a key missing,
 * extra or of the wrong type, null) is a 400 problem naming the cursor.
 */
export function decodeCursor<T extends Record<string, string | number>>(cursor: string | undefined, shape: { [K in keyof T]: CursorKey }): T | null {
  if (cursor === undefined || cursor === '') return null;
  if (typeof cursor !== 'string' || !CURSOR_TEXT.test(cursor)) throw cursorProblem();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorProblem();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw cursorProblem();
  const keys = Object.keys(shape) as (keyof T & string)[];
  const given = Object.keys(value);
  if (given.length !== keys.length || !given.every((k) => Object.hasOwn(shape, k))) throw cursorProblem();
  const position: Record<string, string | number> = {};
  for (const key of keys) {
    const checked = cursorValue(shape[key], (value as Record<string, unknown>)[key]);
    if (checked === undefined) throw cursorProblem();
    position[key] = checked;
  }
  return position as T;
}

/**
 * Keyset pagination: ask the database for limit + 1 rows ordered by (created_at, id); if the
 * extra row came back there is a next page, starting after the last row returned.
 */
export function toPage<R, T>(rows: R[], limit: number, toItem: (row: R) => T, positionOf: (row: R) => Record<string, string | number>): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore ? encodeCursor(positionOf(pageRows[pageRows.length - 1])) : null,
  };
}
