import { fromBinaryMode, MalformedEvent, toBinaryMode } from './cloud-event';

describe('CloudEvents binary mode', () => {
  const event = {
    id: 'e1',
    type: 'cn.gonghui.membership.member.enrolled.v1',
    source: '/gonghui/membership',
    time: '2026-11-24T01:00:00.000Z',
    subject: 'm1',
    specversion: '1.0' as const,
    correlationid: 'req-1',
    data: { memberId: 'm1' },
  };

  it('round-trips attributes through ce_ headers and data through the JSON value', () => {
    const { headers, value } = toBinaryMode(event);
    expect(headers).toMatchObject({ ce_id: 'e1', ce_specversion: '1.0', ce_correlationid: 'req-1', 'content-type': 'application/json' });
    const asBuffers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromBinaryMode(asBuffers, Buffer.from(value))).toEqual({ ...event, causationid: undefined });
  });

  it('carries the W3C trace context as the Kafka header traceparent', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const { headers, value } = toBinaryMode({ ...event, traceparent });
    expect(headers.traceparent).toBe(traceparent);
    expect(fromBinaryMode({ ...headers, traceparent: Buffer.from(traceparent) }, Buffer.from(value)).traceparent).toBe(traceparent);
    expect(toBinaryMode(event).headers).not.toHaveProperty('traceparent');
  });

  it('rejects a message without CloudEvents headers, naming what is missing', () => {
    expect(() => fromBinaryMode({ ce_id: Buffer.from('x') }, Buffer.from('{}'))).toThrow(MalformedEvent);
    expect(() => fromBinaryMode({}, Buffer.from('{}'))).toThrow(/ce_type/);
  });

  it('rejects a value that is not JSON', () => {
    const { headers } = toBinaryMode(event);
    expect(() => fromBinaryMode(headers, Buffer.from('not json{'))).toThrow(/not JSON/);
  });
});
