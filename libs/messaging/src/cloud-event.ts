import { randomUUID } from 'node:crypto';

/** A CloudEvents 1.0 event as the services handle it (data already parsed). */
export interface CloudEvent<T = unknown> {
  id: string;
  type: string;
  source: string;
  time: string;
  subject?: string;
  specversion: '1.0';
  /** Request id of the HTTP request that started the chain. */
  correlationid?: string;
  /** Id of the event whose handling produced this one. */
  causationid?: string;
  /** W3C trace context of the span that recorded the event (Kafka header `traceparent`). */
  traceparent?: string;
  data: T;
}

export type KafkaHeaders = Record<string, string>;

export class MalformedEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEvent';
  }
}

export function newEventId(): string {
  return randomUUID();
}

/** Kafka binary content mode: attributes as `ce_` headers, data as the JSON value. */
export function toBinaryMode(event: CloudEvent): { headers: KafkaHeaders; value: string } {
  const headers: KafkaHeaders = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_type: event.type,
    ce_source: event.source,
    ce_time: event.time,
    'content-type': 'application/json',
  };
  if (event.subject) headers.ce_subject = event.subject;
  if (event.correlationid) headers.ce_correlationid = event.correlationid;
  if (event.causationid) headers.ce_causationid = event.causationid;
  if (event.traceparent) headers.traceparent = event.traceparent;
  return { headers, value: JSON.stringify(event.data) };
}

/** Headers as kafkajs hands them over. */
export type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

function header(headers: RawHeaders, name: string): string | undefined {
  const raw = headers[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

/** Every header of a received message as text (the first value of a repeated one). */
export function headerTexts(headers: RawHeaders | undefined): KafkaHeaders {
  const texts: KafkaHeaders = {};
  for (const name of Object.keys(headers ?? {})) {
    const text = header(headers!, name);
    if (text !== undefined) texts[name] = text;
  }
  return texts;
}

/** Read a Kafka message in binary mode; throws MalformedEvent when it is not a CloudEvent with JSON data. */
export function fromBinaryMode(headers: RawHeaders | undefined, value: Buffer | null): CloudEvent {
  const h = headers ?? {};
  const required = ['ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_specversion'] as const;
  const missing = required.filter((name) => !header(h, name));
  if (missing.length > 0) throw new MalformedEvent(`missing CloudEvents headers: ${missing.join(', ')}`);
  if (header(h, 'ce_specversion') !== '1.0') throw new MalformedEvent(`unsupported specversion ${header(h, 'ce_specversion')}`);
  if (value === null) throw new MalformedEvent('message has no value');
  let data: unknown;
  try {
    data = JSON.parse(value.toString('utf8'));
  } catch {
    throw new MalformedEvent('value is not JSON');
  }
  return {
    id: header(h, 'ce_id')!,
    type: header(h, 'ce_type')!,
    source: header(h, 'ce_source')!,
    time: header(h, 'ce_time')!,
    specversion: '1.0',
    subject: header(h, 'ce_subject'),
    correlationid: header(h, 'ce_correlationid'),
    causationid: header(h, 'ce_causationid'),
    traceparent: header(h, 'traceparent'),
    data,
  };
}
