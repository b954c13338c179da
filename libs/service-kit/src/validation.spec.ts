import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Problem } from './problem';
import { createValidationPipe, inputProblems, jsonNestsDeeperThan, MAX_JSON_DEPTH, NestedArray, NestedObject } from './validation';

class Visit {
  @ApiProperty() @IsString() housing!: string;
}

class Item {
  @ApiProperty() @IsString() description!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() amountFen?: number;
}

class OpenFile {
  @ApiProperty() @IsString() @MaxLength(50) name!: string;
  @ApiProperty({ type: Visit }) @NestedObject(() => Visit) visit!: Visit;
  @ApiProperty({ type: [Item] }) @NestedArray(() => Item) items!: Item[];
  @ApiPropertyOptional() @IsOptional() @IsString() address?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() note?: string | null;
}

/** As DTOs were written before NestedObject: @ValidateNested alone, which let a missing value and an array through. */
class Legacy {
  @ApiProperty({ type: Visit }) @ValidateNested() @Type(() => Visit) visit!: Visit;
}

class Rename {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
}

const pipe = createValidationPipe();
const body = (metatype: new () => object, value: unknown) => pipe.transform(value, { type: 'body', metatype });
async function refusal(promise: Promise<unknown>): Promise<{ status: number; fields: string[] }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Problem);
    const problem = error as Problem;
    return { status: problem.statusCode, fields: (problem.fieldErrors ?? []).map((e) => e.field) };
  }
  throw new Error('expected a refusal');
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const valid = { name: '张三', visit: { housing: '租房' }, items: [{ description: '慰问金', amountFen: 100 }] };

describe('JSON nesting bound', () => {
  it('finds nesting deeper than the bound in text and bytes, without recursing', () => {
    expect(jsonNestsDeeperThan(deep(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonNestsDeeperThan(deep(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from(deep(100_000)))).toBe(true);
    expect(jsonNestsDeeperThan('{"a":' .repeat(65) + '1' + '}'.repeat(65))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ text: '['.repeat(500) }))).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ text: `\\"${'{'.repeat(500)}` }))).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ 名字: '【'.repeat(100) + '['.repeat(100) })))).toBe(false);
  });
});

describe('what no endpoint accepts', () => {
  it('names every string with a NUL, in values and keys, at any depth', () => {
    expect(inputProblems({ a: 'x\u0000', b: [{ c: 'ok' }, { d: '\u0000' }], 'k\u0000': 1 }, '').map((e) => e.field).sort()).toEqual(['a', 'b[1].d', 'k\\u0000']);
    expect(inputProblems('a\u0000b', 'id')).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(inputProblems({ fine: ['text', 1, null, true, '😀 张三'] }, '')).toEqual([]);
  });

  it('names every string with an unpaired surrogate (Postgres json cannot hold it), keeping pairs', () => {
    expect(inputProblems({ a: 'x\ud800', b: '\udc00y', c: '\ud83d\ude00' }, '').map((e) => e.field).sort()).toEqual(['a', 'b']);
  });

  it('refuses a NUL in a body, a query and a path parameter, before the DTO, even where none is declared', async () => {
    expect(await refusal(body(OpenFile, { ...valid, name: 'a\u0000b' }))).toEqual({ status: 400, fields: ['name'] });
    expect(await refusal(pipe.transform({ cursor: 'x\u0000' }, { type: 'query', metatype: Object }))).toEqual({ status: 400, fields: ['cursor'] });
    expect(await refusal(pipe.transform('a\u0000', { type: 'param', data: 'id', metatype: String }))).toEqual({ status: 400, fields: ['id'] });
    expect(await refusal(pipe.transform({ username: 'ad\u0000min' }, { type: 'body' }))).toEqual({ status: 400, fields: ['username'] });
  });

  it('refuses a value nested deeper than the bound, as the parser would', async () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) value = [value];
    const result = await refusal(body(OpenFile, { ...valid, name: value }));
    expect(result.status).toBe(400);
  });
});

describe('shapes class-validator leaves open', () => {
  it('accepts a well-formed body', async () => {
    await expect(body(OpenFile, valid)).resolves.toBeInstanceOf(OpenFile);
  });

  it('refuses a nested object that is missing, null, an array or a string', async () => {
    for (const visit of [undefined, null, [], [{ housing: 'x' }], 'x']) {
      const result = await refusal(body(OpenFile, { ...valid, visit }));
      expect(result).toEqual({ status: 400, fields: expect.arrayContaining(['visit']) });
    }
  });

  it('refuses a nested array that is missing or an object', async () => {
    for (const items of [undefined, { description: 'x' }]) {
      expect((await refusal(body(OpenFile, { ...valid, items }))).fields).toContain('items');
    }
  });

  it('catches the same shapes on a DTO that uses @ValidateNested alone (the general cause)', async () => {
    for (const visit of [undefined, [], [{ housing: 'x' }]]) {
      expect(await refusal(body(Legacy, { visit }))).toEqual({ status: 400, fields: ['visit'] });
    }
    await expect(body(Legacy, { visit: { housing: 'x' } })).resolves.toBeInstanceOf(Legacy);
  });

  it('refuses null where the API document does not declare the property nullable, and accepts it where it does', async () => {
    expect(await refusal(body(Rename, { name: null }))).toEqual({ status: 400, fields: ['name'] });
    expect(await refusal(body(OpenFile, { ...valid, address: null }))).toEqual({ status: 400, fields: ['address'] });
    expect(await refusal(body(OpenFile, { ...valid, items: [{ description: 'x', amountFen: null }] }))).toEqual({ status: 400, fields: ['items[0].amountFen'] });
    await expect(body(OpenFile, { ...valid, note: null })).resolves.toMatchObject({ note: null });
    await expect(body(Rename, {})).resolves.toEqual({});
  });
});
