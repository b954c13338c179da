import fastifyStatic from '@fastify/static';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { CreateServiceOptions, OrgUnitMove, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { GatewayModule } from './gateway.module';
import { OpenApiAggregator } from './docs/openapi-aggregator';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { serveConsole } from './console/serve-console';
import { createServiceProxy, serveProxyFirst } from './proxy/service-proxy';
import { serviceRoutesFromEnv } from './proxy/service-routes';
import { LoginFailure } from './users/login-failure.entity';
import { OrgUnitDirectoryEntry } from './users/org-unit-directory.entity';
import { RevocationList, revokedAtTheGateway } from './users/revocation-list';
import { RevokedSession } from './users/revoked-session.entity';
import { User } from './users/user.entity';

/** The gateway: its own routes (auth, docs, events, health) and the proxy to the four services. */
export function gatewayService(config: ServiceConfig = serviceConfigFromEnv('gateway')): CreateServiceOptions {
  return {
    config,
    definition: { entities: [User, OrgUnitDirectoryEntry, OrgUnitMove, IdempotencyKey, LoginFailure, RevokedSession], migrations },
    modules: [GatewayModule, IdempotencyModule],
    title: 'Gonghui gateway',
    description: 'Authentication, routing, health, documentation',
    healthController: false,
    metricsRoute: false,
    // the gateway's request lines are the system's access log
    requestLogLevel: 'info',
    serveOwnOpenApi: false,
    configure: async (app) => {
      // Fastify's server is created with its request listener; the proxy goes in front of it.
      serveProxyFirst(app.getHttpServer(), createServiceProxy(serviceRoutesFromEnv(), config.jwtSecret, undefined, app.get(IdempotencyStore), revokedAtTheGateway(app.get(RevocationList))));
      await app.register(fastifyStatic, { root: getAbsoluteFSPath(), prefix: '/api/docs/assets/', index: false, decorateReply: false });
      app.get(OpenApiAggregator).attach(app);
      await serveConsole(app);
    },
  };
}
