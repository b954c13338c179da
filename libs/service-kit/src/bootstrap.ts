import type { Server } from 'node:http';
import { DynamicModule, INestApplication, Inject, Injectable, Logger, LogLevel, Module, OnApplicationShutdown, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createServicePool, runMigrations } from '@gonghui/persistence';
import { ServiceConfig } from './config';
import { AuthGuard, JWT_SECRET } from './auth.guard';
import { HealthController } from './health.controller';
import { ProblemDetailsFilter } from './problem.filter';
import { requestIdMiddleware } from './request-id';
import { ServiceDefinition, ServiceRuntime } from './runtime';
import { createValidationPipe } from './validation';

export interface ServiceApp {
  app: INestApplication;
  runtime: ServiceRuntime;
}

export interface CreateServiceOptions {
  config: ServiceConfig;
  definition: ServiceDefinition;
  /** The service's feature modules. */
  modules: Type<unknown>[];
  title: string;
  description: string;
  logLevels?: LogLevel[];
  /** Serve /health from the runtime (default) — the gateway serves its own, aggregated one. */
  healthController?: boolean;
  /** Serve this service's own OpenAPI at /api/docs and /api/docs-json (default) — the gateway merges instead. */
  serveOwnOpenApi?: boolean;
  /** Extra Express middleware, mounted before Nest's body parsers and routes. */
  configure?: (app: INestApplication, runtime: ServiceRuntime) => void;
}

/** Stops the relay and consumers and closes the pool when the application closes (app.close() or SIGTERM). */
@Injectable()
class RuntimeLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/** Gives every feature module the runtime, its pool and the JWT secret. */
function infrastructureModule(runtime: ServiceRuntime): DynamicModule {
  @Module({})
  class ServiceInfrastructureModule {}
  return {
    module: ServiceInfrastructureModule,
    global: true,
    providers: [
      { provide: ServiceRuntime, useValue: runtime },
      { provide: JWT_SECRET, useValue: runtime.config.jwtSecret },
      AuthGuard,
      RuntimeLifecycle,
    ],
    exports: [ServiceRuntime, JWT_SECRET, AuthGuard],
  };
}

/**
 * How long a service keeps an unused keep-alive connection open (Node's default is 5 s).
 * Callers that pool connections (the gateway, load balancers) must give theirs up sooner, or a
 * request sent just as the service closes one fails.
 */
export const IDLE_CONNECTION_MS = 65_000;

/**
 * Build a service as an application, not yet listening: migrations applied, relay and
 * consumers started. Tests call this in-process; `main.ts` calls it and listens.
 */
export async function createServiceApp(options: CreateServiceOptions): Promise<ServiceApp> {
  const runtime = new ServiceRuntime(options.config, options.definition);
  if (process.env.MIGRATE_ON_START !== 'false') await runtime.migrate();

  @Module({ imports: [infrastructureModule(runtime), ...options.modules], controllers: options.healthController === false ? [] : [HealthController] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, {
    logger: options.logLevels ?? ['error', 'warn', 'log'],
    abortOnError: false,
  });
  // Express hashes every response body for an ETag; API responses here are never revalidated.
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set('etag', false);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  server.headersTimeout = IDLE_CONNECTION_MS + 1000;
  app.use(requestIdMiddleware);
  options.configure?.(app, runtime);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  if (options.serveOwnOpenApi !== false) {
    SwaggerModule.setup('api/docs', app, createOpenApiDocument(app, options), { jsonDocumentUrl: 'api/docs-json' });
  }

  await runtime.start();
  return { app, runtime };
}

export function createOpenApiDocument(app: INestApplication, options: Pick<CreateServiceOptions, 'title' | 'description'>) {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1.0').addBearerAuth().build(),
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
  const pool = createServicePool({ url: options.config.databaseUrl, schema: options.config.schema });
  runMigrations(pool, options.config.schema, options.definition.migrations)
    .then(async ({ applied }) => {
      console.log(`${options.config.name}: ${applied.length === 0 ? 'schema up to date' : `applied ${applied.join(', ')}`}`);
      await pool.end();
    })
    .catch((error: unknown) => {
      console.error(`${options.config.name}: migration failed:`, error);
      process.exit(1);
    });
}
