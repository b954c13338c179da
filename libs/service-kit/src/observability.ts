import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger, LogLevel } from '@nestjs/common';
import {
  ActiveSpan,
  databasePool,
  observeHttpRequest,
  ObservedContext,
  onScrape,
  parseTraceparent,
  renderMetrics,
  rootLogger,
  runInContext,
  sharedGauge,
  SpanKind,
  startSpan,
  startTracing,
  useServiceLogger,
  useServiceMetrics,
} from '@gonghui/observability';
import type { DataSource } from 'typeorm';

/**
 * A gauge read with one cheap query at each scrape: the business figures officers ask about
 * (active members, applications by stage, bookings, open cases). The query answers one row per
 * series: a column per label and `value`.
 */
export interface ScrapeGauge {
  name: string;
  help: string;
  labelNames: string[];
  sql: string;
}

/** Nest's log levels as pino's: the most verbose one given. */
function pinoLevel(levels: LogLevel[] | undefined): string | undefined {
  if (!levels) return undefined;
  for (const [nest, pino] of [['verbose', 'trace'], ['debug', 'debug'], ['log', 'info'], ['warn', 'warn'], ['error', 'error'], ['fatal', 'fatal']] as const) {
    if (levels.includes(nest)) return pino;
  }
  return 'silent';
}

/** Metrics, logs and traces for one service process: its name on every series and line; tracing if configured. */
export function startObservability(service: string, logLevels?: LogLevel[]) {
  useServiceMetrics(service);
  startTracing(service);
  const logger = useServiceLogger(service, { level: process.env.LOG_LEVEL ?? pinoLevel(logLevels) });
  // Loggers made before Nest's application (the runtime's) write JSON lines too.
  Logger.overrideLogger(logger);
  return logger;
}

interface ObservedRequest {
  observed?: ObservedContext;
  span?: ActiveSpan;
}

/**
 * Per request: the trace context (continuing the caller's `traceparent`, else a new trace), a
 * server span, the request and trace ids in every log line written while it runs; when it is
 * answered, the HTTP metrics by route template and one JSON log line (no body, no query string).
 */
/** The level of a request's log line when it did not fail on the server's side. */
export type RequestLogLevel = 'info' | 'debug';

export function observeHttp(fastify: FastifyInstance, requestIdOf: (request: FastifyRequest) => string | undefined, level: RequestLogLevel = 'info'): void {
  fastify.decorateRequest('observed', undefined);
  fastify.decorateRequest('span', undefined);
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const span = startSpan(`${request.method} ${route}`, SpanKind.SERVER, parseTraceparent(request.headers.traceparent), { 'http.request.method': request.method, 'http.route': route });
    const observed: ObservedContext = { requestId: requestIdOf(request), trace: span.context };
    Object.assign(request as ObservedRequest, { observed, span });
    runInContext(observed, done);
  });
  // A body is read from socket events, outside the context entered above: enter it again for the handler.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const { observed } = request as ObservedRequest;
    if (observed) runInContext(observed, done);
    else done();
  });
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const { observed, span } = request as ObservedRequest;
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    observeHttpRequest(request.method, route, status, reply.elapsedTime / 1000);
    span?.end(status >= 500 ? `HTTP ${status}` : undefined);
    const line = { method: request.method, route, path: request.url.split('?')[0], status, durationMs: Math.round(reply.elapsedTime * 10) / 10 };
    const log = () => rootLogger()[status >= 500 ? 'warn' : level](line, 'request');
    if (observed) runInContext(observed, log);
    else log();
    done();
  });
}

/** GET /metrics: Prometheus text, on the service's own (internal) port. */
export function serveMetrics(fastify: FastifyInstance): void {
  fastify.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await renderMetrics();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The runtime's figures read at each scrape: the given ones (outbox backlog, consumer lag), the
 * database pool, and the service's business gauges. Returns the function that stops them (when the runtime stops).
 */
export function collectRuntimeMetrics(dataSource: DataSource, collectors: (() => Promise<void>)[], gauges: ScrapeGauge[] = []): () => void {
  const stops = [
    ...collectors.map((collect) => onScrape(collect)),
    onScrape(async () => {
      const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
      if (!pool) return;
      databasePool.set({ state: 'total' }, pool.totalCount);
      databasePool.set({ state: 'idle' }, pool.idleCount);
      databasePool.set({ state: 'waiting' }, pool.waitingCount);
    }),
    ...gauges.map((spec) => {
      const gauge = sharedGauge(spec.name, spec.help, spec.labelNames);
      return onScrape(async () => {
        const rows: Record<string, unknown>[] = await dataSource.query(spec.sql);
        gauge.reset();
        for (const row of rows) {
          const labels = Object.fromEntries(spec.labelNames.map((name) => [name, String(row[name] ?? '')]));
          gauge.set(labels, Number(row.value));
        }
      });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
