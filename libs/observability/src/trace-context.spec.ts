import { childContext, formatTraceparent, parseTraceparent } from './trace-context';

describe('W3C traceparent', () => {
  const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('reads a valid header and writes it back unchanged', () => {
    const context = parseTraceparent(header);
    expect(context).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', sampled: true });
    expect(formatTraceparent(context!)).toBe(header);
  });

  it('keeps the sampled flag off when the caller did not sample', () => {
    const context = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')!;
    expect(context.sampled).toBe(false);
    expect(formatTraceparent(context)).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00');
  });

  it('reads a later version by its first four fields, as the specification asks', () => {
    expect(parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-later')?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['upper-case hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01'],
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero span id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['version 00 with extra fields', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra'],
    ['a short trace id', '00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01'],
    ['not hex', '00-4bf92f3577b34da6a3ce929d0e0e473z-00f067aa0ba902b7-01'],
  ])('refuses %s (a new trace starts instead)', (_what, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });

  it('takes the first of repeated headers', () => {
    expect(parseTraceparent([header, '00-11111111111111111111111111111111-2222222222222222-01'])?.spanId).toBe('00f067aa0ba902b7');
  });

  it('makes a child in the same trace with a new span id, or a new trace without a parent', () => {
    const parent = parseTraceparent(header)!;
    const child = childContext(parent);
    expect(child.traceId).toBe(parent.traceId);
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.spanId).not.toBe(parent.spanId);
    const root = childContext(undefined);
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.traceId).not.toBe(parent.traceId);
    expect(parseTraceparent(formatTraceparent(root))).toEqual(root);
  });
});
