// Writes the gateway's merged OpenAPI document to a file without a running system (no database,
// no Kafka): each service's Nest application is built in preview mode (modules and controllers
// scanned, no provider instantiated), its document served on a loopback port for a moment, and the
// gateway's own OpenApiAggregator merges them exactly as it does at run time.
// Needs the services' dist/ (npm run build). Usage: node scripts/openapi.mjs <out.json>
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const root = path.resolve(import.meta.dirname, '../..');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { Module } = require('@nestjs/common');
const kit = require(path.join(root, 'libs/service-kit/dist/index.js'));

const SERVICES = {
  membership: () => require(path.join(root, 'services/membership/dist/service.js')).membershipService(),
  aid: () => require(path.join(root, 'services/aid/dist/service.js')).aidService(),
  training: () => require(path.join(root, 'services/training/dist/service.js')).trainingService(),
  mediation: () => require(path.join(root, 'services/mediation/dist/service.js')).mediationService(),
};

const { TypeOrmModule } = require('@nestjs/typeorm');

// The tokens the service kit's infrastructure module provides at run time; in preview mode they are
// only resolved, never created, so placeholders do.
function previewInfrastructure() {
  class PreviewInfrastructureModule {}
  Module({
    imports: [TypeOrmModule.forRootAsync({ useFactory: () => ({ type: 'postgres' }), dataSourceFactory: async () => null })],
    providers: [
      { provide: kit.ServiceRuntime, useValue: null },
      { provide: kit.JWT_SECRET, useValue: 'preview' },
      { provide: kit.AuthGuard, useValue: null },
      { provide: kit.TransactionBoundary, useValue: null },
    ],
    exports: [kit.ServiceRuntime, kit.JWT_SECRET, kit.AuthGuard, kit.TransactionBoundary],
  })(PreviewInfrastructureModule);
  require('@nestjs/common').Global()(PreviewInfrastructureModule);
  return PreviewInfrastructureModule;
}

async function previewApp(options) {
  // The same modules and controllers a running service has; no provider is created in preview mode.
  class PreviewRootModule {}
  Module({ imports: [previewInfrastructure(), ...options.modules], controllers: [kit.EventCatalogueController] })(PreviewRootModule);
  const app = await NestFactory.create(PreviewRootModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  return app;
}

function serve(body) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === '/api/docs-json' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(req.url === '/api/docs-json' ? body : '{}');
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/openapi.mjs <out.json>');
const servers = [];
try {
  for (const [name, make] of Object.entries(SERVICES)) {
    const options = make();
    const app = await previewApp(options);
    const doc = kit.createOpenApiDocument(app, options);
    const server = await serve(JSON.stringify(doc));
    servers.push(server);
    process.env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${server.address().port}`;
  }
  const gateway = require(path.join(root, 'services/gateway/dist/service.js')).gatewayService();
  const { OpenApiAggregator } = require(path.join(root, 'services/gateway/dist/docs/openapi-aggregator.js'));
  const gatewayApp = await previewApp(gateway);
  const aggregator = new OpenApiAggregator();
  aggregator.attach(gatewayApp);
  const doc = await aggregator.document();
  if (/Not reachable just now/.test(doc.info.description)) throw new Error(`a service document was missing: ${doc.info.description}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
  console.log(`wrote ${out}: ${Object.keys(doc.paths).length} paths`);
} finally {
  for (const server of servers) server.close();
}
