import multipart from '@fastify/multipart';
import { DynamicModule, Inject, Injectable, Logger, LogLevel, Module, BeforeApplicationShutdown, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyServerOptions } from 'fastify';
import { EventHandlerErrorPassThrough } from '@gonghui/messaging';
import { runMigrations } from '@gonghui/persistence';
import { ServiceConfig } from './config';
import { AuthGuard, JWT_SECRET } from './auth.guard';
import { EventCatalogueController } from './event-catalogue.controller';
import { HealthController } from './health.controller';
import { HealthModule } from './health-checks';
import { observeHttp, RequestLogLevel, serveMetrics, startObservability } from './observability';
import { documentProblems } from './problem';
import { answerClientError, answerFrameworkError, ProblemDetailsFilter } from './problem.filter';
import { assignRequestId } from './request-id';
import { securityHeaders } from './security-headers';
import { ServiceDefinition, serviceDataSource, ServiceRuntime } from './runtime';
import { TransactionBoundary } from './transaction-boundary';
import { createValidationPipe, EMPTY_JSON_BODY, jsonNestsDeeperThan, tooDeeplyNested } from './validation';

export interface ServiceApp {
  app: NestFastifyApplication;
  runtime: ServiceRuntime;
}

export interface CreateServiceOptions {
  config: ServiceConfig;
  definition: ServiceDefinition;
  /** The service's feature modules: HTTP controllers and event controllers of its use cases. */
  modules: (Type<unknown> | DynamicModule)[];
  title: string;
  description: string;
  logLevels?: LogLevel[];
  /** Serve /health from the runtime (default) — the gateway serves its own, aggregated one. */
  healthController?: boolean;
  /**
   * The level of the one line per answered request (5xx are always `warn`). `debug` by default: every
   * call reaches a service through the gateway, whose line at `info` is the access log, and a second
   * line per request costs a service about a fifth of its CPU per lookup (bench:membership).
   */
  requestLogLevel?: RequestLogLevel;
  /** Serve Prometheus metrics at /metrics (default) — the gateway, whose port is public, serves them to the admin instead. */
  metricsRoute?: boolean;
  /** Serve this service's own OpenAPI at /api/docs and /api/docs-json (default) — the gateway merges instead. */
  serveOwnOpenApi?: boolean;
  /** Extra setup of the Fastify application before it starts (routes ahead of Nest's, static files). */
  configure?: (app: NestFastifyApplication, runtime: ServiceRuntime) => void | Promise<void>;
}

/** The largest roster (集中入会) a service accepts as an upload. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Stops the relay and the retention purge and closes the DataSource when the application
 * closes (app.close() or SIGTERM), after Nest has closed the event transport.
 */
@Injectable()
class RuntimeLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/** Gives every feature module the runtime, the DataSource, the transaction boundary and the JWT secret. */
function infrastructureModule(runtime: ServiceRuntime): DynamicModule {
  @Module({})
  class ServiceInfrastructureModule {}
  return {
    module: ServiceInfrastructureModule,
    global: true,
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => runtime.dataSource.options,
        // The runtime's DataSource, already connected and migrated: one per service.
        dataSourceFactory: async () => runtime.dataSource,
      }),
    ],
    providers: [
      { provide: ServiceRuntime, useValue: runtime },
      { provide: JWT_SECRET, useValue: runtime.config.jwtSecret },
      AuthGuard,
      TransactionBoundary,
      RuntimeLifecycle,
    ],
    exports: [ServiceRuntime, JWT_SECRET, AuthGuard, TransactionBoundary],
  };
}

/**
 * How long a service keeps an unused keep-alive connection open (Node's default is 5 s).
 * Callers that pool connections (the gateway, load balancers) must give theirs up sooner, or a
 * request sent just as the service closes one fails.
 */
export const IDLE_CONNECTION_MS = 65_000;

export function fastifyOptions(): FastifyServerOptions {
  return {
    keepAliveTimeout: IDLE_CONNECTION_MS,
    // Request ids are ours (x-request-id, see assignRequestId); Fastify's own logger stays off.
    logger: false,
    // What Node's HTTP parser refuses (oversized headers, raw non-ASCII in the URL) is problem+json too.
    clientErrorHandler: answerClientError,
    // ...and so is what Fastify's router refuses (a URL that does not decode, an over-long path parameter).
    frameworkErrors: answerFrameworkError,
  };
}

/**
 * Build a service as an application, initialised but not yet listening: migrations applied,
 * relay started, event handlers consuming. Tests call this in-process (supertest on
 * `app.getHttpServer()`); `main.ts` calls it and listens.
 */
export async function createServiceApp(options: CreateServiceOptions): Promise<ServiceApp> {
  // JSON logs (pino, also Nest's logger), metrics and, when configured, trace export.
  const logger = startObservability(options.config.name, options.logLevels);
  const runtime = new ServiceRuntime(options.config, options.definition);
  await runtime.connect();
  if (process.env.MIGRATE_ON_START !== 'false') await runtime.migrate();

  const controllers: Type<unknown>[] = [EventCatalogueController];
  if (options.healthController !== false) controllers.push(HealthController);
  @Module({ imports: [infrastructureModule(runtime), HealthModule, ...options.modules], controllers })
  class ServiceRootModule {}

  const app = await NestFactory.create<NestFastifyApplication>(ServiceRootModule, new FastifyAdapter(fastifyOptions()), {
    logger,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('requestId', undefined);
  fastify.addHook('onRequest', (request, reply, done) => {
    (request as { requestId?: string }).requestId = assignRequestId(request.raw, reply.raw);
    done();
  });
  observeHttp(fastify, (request) => (request as { requestId?: string }).requestId, options.requestLogLevel ?? 'debug');
  if (options.metricsRoute !== false) serveMetrics(fastify);
  // Security headers on every answer, errors included; no X-Powered-By.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(securityHeaders(request.raw));
    reply.removeHeader('x-powered-by');
    done(null, payload);
  });
  // JSON bodies: Fastify's own parser (prototype poisoning refused), behind a bound on nesting depth.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    // No body at all: refused only where a body is expected (validation.ts), so a body-less action still works.
    if (text.length === 0) return done(null, EMPTY_JSON_BODY);
    if (jsonNestsDeeperThan(text)) return done(tooDeeplyNested(), undefined);
    parseJson(request as Parameters<typeof parseJson>[0], text, done);
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  await options.configure?.(app, runtime);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  if (options.serveOwnOpenApi !== false) {
    SwaggerModule.setup('api/docs', app, createOpenApiDocument(app, options), { jsonDocumentUrl: 'api/docs-json' });
  }

  // Event handlers (@EventPattern) are served by our Kafka transport, as a Nest microservice.
  const events = app.connectMicroservice({ strategy: runtime.transport }, { inheritAppConfig: false });
  events.useGlobalFilters(new EventHandlerErrorPassThrough());
  await app.init();
  await fastify.ready();
  await app.startAllMicroservices();
  runtime.start();
  return { app, runtime };
}

export function createOpenApiDocument(app: NestFastifyApplication, options: Pick<CreateServiceOptions, 'title' | 'description'>) {
  return documentProblems(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1.0').addBearerAuth().build(),
    ),
  );
}

/** Start a service from `main.ts`: listen on its port, stop cleanly on SIGTERM/SIGINT. */
export async function runService(options: CreateServiceOptions): Promise<void> {
  const logger = new Logger(options.config.name);
  const { app } = await createServiceApp(options);
  await app.listen(options.config.port, options.config.host);
  logger.log(`${options.config.name} listening on http://${options.config.host}:${options.config.port}`);
}

/** `node dist/migrate.js`: apply the service's migrations and exit; the deploy step before serving. */
export function migrateService(options: Pick<CreateServiceOptions, 'config' | 'definition'>): void {
  const { config, definition } = options;
  const dataSource = serviceDataSource(config, definition, 'migrate');
  dataSource
    .initialize()
    .then(() => runMigrations(dataSource, config.schema))
    .then(async ({ applied }) => {
      console.log(`${config.name}: ${applied.length === 0 ? 'schema up to date' : `applied ${applied.join(', ')}`}`);
      await dataSource.destroy();
    })
    .catch((error: unknown) => {
      console.error(`${config.name}: migration failed:`, error);
      process.exit(1);
    });
}
