import { decodeCursor, encodeCursor } from './pagination';
import { Problem } from './problem';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const position = { t: 'timestamp', id: 'uuid' } as const;

function refused(cursor: string, shape: Parameters<typeof decodeCursor>[1] = position): Problem {
  try {
    decodeCursor(cursor, shape);
  } catch (error) {
    return error as Problem;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe('decodeCursor', () => {
  it('gives back a position it encoded, and nothing for no cursor', () => {
    const at = { t: '2026-11-20T08:00:00.123Z', id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' };
    expect(decodeCursor(encodeCursor(at), position)).toEqual(at);
    expect(decodeCursor(encodeCursor({ line: 12, field: 'nationalId' }), { line: 'integer', field: 'string' })).toEqual({ line: 12, field: 'nationalId' });
    expect(decodeCursor(undefined, position)).toBeNull();
    expect(decodeCursor('', position)).toBeNull();
  });

  it('normalises a timestamp with an offset to the instant Postgres reads', () => {
    expect(decodeCursor(b64({ t: '2026-11-20T16:00:00+08:00', id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' }), position)?.t).toBe('2026-11-20T08:00:00.000Z');
  });

  it.each([
    ['contents of the wrong type', b64({ t: 'x', id: 'y' })],
    ['nulls', b64({ t: null, id: null })],
    ['a key missing', b64({ t: '2026-11-20T08:00:00.000Z' })],
    ['an extra key', b64({ t: '2026-11-20T08:00:00.000Z', id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', x: 1 })],
    ['year 0', b64({ t: '0000-01-01T00:00:00.000Z', id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' })],
    ['a date that does not exist', b64({ t: '2026-02-31T00:00:00Z', id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' })],
    ['an array', b64([])],
    ['a number', b64(1)],
    ['not JSON', Buffer.from('{t:').toString('base64url')],
    ['not base64url', 'not a cursor!'],
    ['an SQL fragment as id', b64({ t: '2026-11-20T08:00:00.000Z', id: "'; DROP TABLE members; --" })],
  ])('refuses a cursor with %s as a 400 naming the cursor', (_what, cursor) => {
    const problem = refused(cursor);
    expect(problem).toBeInstanceOf(Problem);
    expect(problem.statusCode).toBe(400);
    expect(problem.fieldErrors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('checks integer and string keys as strictly: within int4, no NUL', () => {
    const shape = { line: 'integer', field: 'string' } as const;
    for (const cursor of [b64({ line: 'x', field: 'a' }), b64({ line: 1.5, field: 'a' }), b64({ line: 1e12, field: 'a' }), b64({ line: 1, field: 'a\u0000' }), b64({ line: 1, field: null })]) {
      expect(refused(cursor, shape).statusCode).toBe(400);
    }
  });

  it('reads a bigint key as the decimal string of a bigserial id, within int8, and refuses anything else', () => {
    const shape = { t: 'timestamp', id: 'bigint' } as const;
    const at = { t: '2026-11-20T08:00:00.000Z', id: '9223372036854775807' };
    expect(decodeCursor(encodeCursor(at), shape)).toEqual(at);
    for (const id of ['0', '-1', '007', '1.5', '9223372036854775808', '12345678901234567890', 'x', 42, null]) {
      expect(refused(b64({ t: at.t, id }), shape).statusCode).toBe(400);
    }
  });
});
