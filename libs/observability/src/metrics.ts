import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The process's metrics; `/metrics` renders it in the Prometheus text format. */
export const metricsRegistry = new Registry();

let defaultsCollected = false;

/**
 * How often the event-loop delay (`nodejs_eventloop_lag_*`) is sampled, in ms. prom-client's 10 ms
 * is a timer firing 100 times a second in every process, busy or not: measured at rest
 * (bench:idle) it was four in five of a service's wake-ups and 1–5 ms of CPU a second. Five
 * samples a second still show a stalled loop; the delay of each is measured to the nanosecond.
 */
export const EVENT_LOOP_MONITORING_PRECISION_MS = 200;

/** Name the process's series after its service and add Node's own (CPU, memory, event-loop delay). */
export function useServiceMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: EVENT_LOOP_MONITORING_PRECISION_MS });
}

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route template and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from receiving an HTTP request to answering it, by method, route template and status class',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Count one answered request (the route is the template, e.g. /api/v1/membership/members/:id, never the raw URL). */
export function observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
  httpRequests.inc({ method, route, status: String(status) });
  httpRequestDuration.observe({ method, route, status_class: `${Math.floor(status / 100)}xx` }, seconds);
}

export const eventsPublished = new Counter({
  name: 'gonghui_events_published_total',
  help: 'Events the outbox relay published to Kafka, by event type',
  labelNames: ['type'] as const,
  registers: [metricsRegistry],
});

export const outboxBacklog = new Gauge({
  name: 'gonghui_outbox_backlog',
  help: 'Outbox rows committed but not yet published',
  registers: [metricsRegistry],
});

export const outboxOldestAge = new Gauge({
  name: 'gonghui_outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest unpublished outbox row (0 when none is waiting)',
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'gonghui_consumer_lag',
  help: 'Messages behind the partition end after the consumer group last processed a batch, by group, topic and partition',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
});

export const eventsHandled = new Counter({
  name: 'gonghui_events_handled_total',
  help: 'Events whose effect a consumer group applied (first delivery only), by group and event type',
  labelNames: ['group', 'type'] as const,
  registers: [metricsRegistry],
});

export const eventsDeadLettered = new Counter({
  name: 'gonghui_events_dead_lettered_total',
  help: 'Messages a consumer group sent to the dead-letter topic, by group and event type',
  labelNames: ['group', 'type'] as const,
  registers: [metricsRegistry],
});

export const databasePool = new Gauge({
  name: 'gonghui_db_pool_connections',
  help: 'Connections of the service database pool: total, idle, and callers waiting for one',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

/** Work done just before each scrape (gauges read with a cheap query). */
export type ScrapeCollector = () => Promise<void>;
const collectors = new Set<ScrapeCollector>();

/** Run `collect` before every scrape until the returned function is called. */
export function onScrape(collect: ScrapeCollector): () => void {
  collectors.add(collect);
  return () => collectors.delete(collect);
}

/** The metrics as Prometheus text; a collector that fails leaves its gauges as they were. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  await Promise.all([...collectors].map((collect) => collect().catch(() => undefined)));
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** A gauge of the registry by name, made on first use (several runtimes in one test process share it). */
export function sharedGauge(name: string, help: string, labelNames: string[]): Gauge<string> {
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) return existing as Gauge<string>;
  return new Gauge({ name, help, labelNames, registers: [metricsRegistry] });
}
