import { AsyncLocalStorage } from 'node:async_hooks';
import { formatTraceparent, TraceContext } from './trace-context';

/** What every log line and every outbox row written while handling one request or event knows. */
export interface ObservedContext {
  /** The HTTP request id (x-request-id), when a request started this. */
  requestId?: string;
  /** The current span: its trace id goes into log lines, the whole into outbox rows and calls onwards. */
  trace: TraceContext;
}

const storage = new AsyncLocalStorage<ObservedContext>();

/** Run `fn` (and everything it awaits or schedules) inside the given context. */
export function runInContext<T>(context: ObservedContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): ObservedContext | undefined {
  return storage.getStore();
}

/** The current span as a `traceparent` value, for an outbox row or an outgoing call. */
export function currentTraceparent(): string | undefined {
  const context = storage.getStore();
  return context ? formatTraceparent(context.trace) : undefined;
}
