import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_CONTENT_SECURITY_POLICY, consoleDirFromEnv, consoleFileFor, isApiPath } from './console-paths';

/**
 * Serves the staff console's build (CONSOLE_DIR, default console/dist) at `/`, with the SPA
 * fallback: an unknown non-API path answers index.html so the browser's router shows the page.
 * `/api/**` and `/health` are untouched (their unknown paths keep the API's problem+json 404).
 *
 * Registered before Nest initialises (the gateway's `configure`): a Fastify plugin loaded after
 * Nest has declared its routes boots them early, before Nest installs its error handler, and
 * every body-parser error would then leave as Fastify's plain JSON instead of problem+json.
 */
export async function serveConsole(app: NestFastifyApplication, root = consoleDirFromEnv()): Promise<void> {
  const logger = new Logger('console');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    logger.warn(`no console build at ${root} (npm run build -w console): / is not served`);
    return;
  }
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyStatic, { root, serve: false, decorateReply: true });
    const answer = (request: FastifyRequest, reply: FastifyReply) => {
      const urlPath = request.url.split('?')[0];
      if (isApiPath(urlPath)) return reply.callNotFound();
      const file = consoleFileFor(urlPath, (relative) => fs.statSync(path.join(root, relative), { throwIfNoEntry: false })?.isFile() ?? false);
      if (!file) return reply.callNotFound();
      // Hashed assets never change; index.html must be read afresh to pick up a new build.
      const immutable = file.startsWith('assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file, { cacheControl: false });
    };
    scope.get('/', answer);
    scope.get('/*', answer);
    // The API's security headers forbid every script; the console's pages allow their own. An API
    // path answered here is the API's 404 (callNotFound): it keeps the API's headers.
    scope.addHook('onSend', async (request, reply, payload) => {
      if (!isApiPath(request.url.split('?')[0])) reply.header('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY);
      return payload;
    });
  });
  logger.log(`console served at / from ${root}`);
}
