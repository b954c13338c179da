import { Attributes, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, Tracer } from '@opentelemetry/api';
import { childContext, TraceContext } from './trace-context';

export { SpanKind };

/** A span being timed; `context` is what its children and outgoing messages carry. */
export interface ActiveSpan {
  readonly context: TraceContext;
  end(error?: unknown): void;
}

interface Tracing {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

let tracing: Tracing | null = null;

/**
 * Export spans by OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `…_TRACES_ENDPOINT`) is set;
 * otherwise nothing is loaded or recorded, and spans are only ids handed on for log correlation.
 * No auto-instrumentation: the spans are the ones this project makes (HTTP request, outbox
 * publication, event handling), so startup stays as it was.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (tracing) return true;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return false;
  // Loaded only when exporting: a service without an endpoint pays nothing for the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? `gonghui-${serviceName}` }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  tracing = { tracer: provider.getTracer('gonghui'), shutdown: () => provider.shutdown() };
  return true;
}

/** Flush and stop the exporter (on shutdown). */
export async function stopTracing(): Promise<void> {
  const current = tracing;
  tracing = null;
  await current?.shutdown().catch(() => undefined);
}

export function tracingEnabled(): boolean {
  return tracing !== null;
}

/** Start a span as a child of `parent` (a received traceparent), or as the root of a new trace. */
export function startSpan(name: string, kind: SpanKind, parent: TraceContext | undefined, attributes?: Attributes): ActiveSpan {
  if (!tracing) return { context: childContext(parent), end: () => undefined };
  const parentContext = parent
    ? trace.setSpanContext(ROOT_CONTEXT, { traceId: parent.traceId, spanId: parent.spanId, traceFlags: parent.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE, isRemote: true })
    : ROOT_CONTEXT;
  const span = tracing.tracer.startSpan(name, { kind, attributes }, parentContext);
  const ids = span.spanContext();
  return {
    context: { traceId: ids.traceId, spanId: ids.spanId, sampled: (ids.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED },
    end: (error?: unknown) => {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : String(error) });
      span.end();
    },
  };
}
