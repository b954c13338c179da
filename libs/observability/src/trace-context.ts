import { randomBytes } from 'node:crypto';

/** One span's place in a trace, as W3C Trace Context carries it (`traceparent`). */
export interface TraceContext {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** 16 lowercase hex digits, not all zero: the span that is the parent of whatever comes next. */
  spanId: string;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/**
 * Read a `traceparent` header (W3C Trace Context level 1); undefined when it is absent or
 * invalid, in which case the receiver starts a new trace. Version ff is invalid; a later
 * version is read by its first four fields, as the specification asks.
 */
export function parseTraceparent(header: string | string[] | undefined | null): TraceContext | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || value.length > 512) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  return { traceId, spanId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.sampled ? '01' : '00'}`;
}

export function newSpanId(): string {
  let id: string;
  do id = randomBytes(8).toString('hex');
  while (id === ZERO_SPAN);
  return id;
}

export function newTraceId(): string {
  let id: string;
  do id = randomBytes(16).toString('hex');
  while (id === ZERO_TRACE);
  return id;
}

/** A new span in the parent's trace, or the root of a new trace when there is no parent. */
export function childContext(parent: TraceContext | undefined, sampled = true): TraceContext {
  return parent ? { traceId: parent.traceId, spanId: newSpanId(), sampled: parent.sampled } : { traceId: newTraceId(), spanId: newSpanId(), sampled };
}
