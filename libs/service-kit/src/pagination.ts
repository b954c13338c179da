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

export function decodeCursor<T extends Record<string, string | number>>(cursor: string | undefined, keys: (keyof T)[]): T | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    if (typeof value !== 'object' || value === null || keys.some((k) => !(k in value))) throw new Error('shape');
    return value;
  } catch {
    throw Problem.badRequest('cursor 无效 / The cursor is not valid', [{ field: 'cursor', message: '无法识别的游标 / Unrecognised cursor' }]);
  }
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
