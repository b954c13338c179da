import express from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { CreateServiceOptions, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { GatewayModule } from './gateway.module';
import { OpenApiAggregator } from './docs/openapi-aggregator';
import { createServiceProxy, serveProxyFirst } from './proxy/service-proxy';
import { serviceRoutesFromEnv } from './proxy/service-routes';
import { orgUnitDirectorySubscriptions } from './users/org-unit-directory';

/** The gateway: its own routes (auth, docs, events, health) and the proxy to the four services. */
export function gatewayService(config: ServiceConfig = serviceConfigFromEnv('gateway')): CreateServiceOptions {
  return {
    config,
    definition: { migrations, consumers: [{ name: 'org-unit-directory', subscriptions: () => orgUnitDirectorySubscriptions() }] },
    modules: [GatewayModule],
    title: 'Gonghui gateway',
    description: 'Authentication, routing, health, documentation',
    healthController: false,
    serveOwnOpenApi: false,
    configure: (app) => {
      serveProxyFirst(app.getHttpServer(), createServiceProxy(serviceRoutesFromEnv(), config.jwtSecret));
      app.use('/api/docs/assets', express.static(getAbsoluteFSPath(), { index: false }));
      app.get(OpenApiAggregator).attach(app);
    },
  };
}
