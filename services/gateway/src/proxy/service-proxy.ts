import http from 'node:http';
import { Logger } from '@nestjs/common';
import { bearerToken, InvalidToken, verifyAccessToken } from '@gonghui/auth';
import { assignRequestId, IDLE_CONNECTION_MS, Problem, sendProblem } from '@gonghui/service-kit';
import { RoutedService, ROUTED_SERVICES } from './service-routes';

const ROUTE = /^\/api\/v1\/([a-z-]+)(?:[/?]|$)/;
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'upgrade', 'host'];

/**
 * The gateway drops a connection to a service after this long unused, before the service
 * would (IDLE_CONNECTION_MS): a request sent on a connection the service is closing at that
 * instant fails, and a POST cannot safely be sent again.
 */
export const UPSTREAM_IDLE_MS = IDLE_CONNECTION_MS - 5_000;

export type ServiceProxy = (request: http.IncomingMessage, response: http.ServerResponse) => boolean;

/**
 * `/api/v1/<service>/…` goes to the service, with the body streamed through untouched; returns
 * false for other paths (auth, events, docs), which the gateway's own routes answer. The token
 * is checked here first so that unauthenticated traffic never reaches a service (which checks
 * it again). Plain Node, ahead of Fastify and Nest: this is every API call's path, and the
 * framework's routing and request decoration would add half again to the gateway's CPU per call.
 */
export function createServiceProxy(routes: Record<RoutedService, string>, jwtSecret: string, timeoutMs = 30_000): ServiceProxy {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512, timeout: UPSTREAM_IDLE_MS });
  return (request, response) => {
    const url = request.url ?? '/';
    const match = ROUTE.exec(url);
    const service = match?.[1] as RoutedService | undefined;
    if (!service || !(ROUTED_SERVICES as readonly string[]).includes(service)) return false;

    const requestId = assignRequestId(request, response);
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      sendProblem(request, response, Problem.unauthorized('缺少 Bearer 令牌 / Missing bearer token'));
      return true;
    }
    try {
      verifyAccessToken(token, jwtSecret);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      sendProblem(request, response, Problem.unauthorized(`令牌无效 / Invalid token: ${error.message}`));
      return true;
    }

    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    headers['x-request-id'] = requestId;
    headers['x-forwarded-for'] = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
    headers['x-forwarded-proto'] = request.headers['x-forwarded-proto'] ?? 'http';

    const upstream = http.request(`${routes[service]}${url}`, { method: request.method, headers, agent, timeout: timeoutMs });
    upstream.on('response', (answer) => {
      const out = { ...answer.headers };
      delete out.connection;
      delete out['keep-alive'];
      response.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(response);
    });
    upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('upstream timeout'), { code: 'ETIMEDOUT' })));
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (response.headersSent) return void response.destroy(error);
      const timedOut = error.code === 'ETIMEDOUT';
      sendProblem(
        request,
        response,
        new Problem(
          timedOut ? 504 : 503,
          timedOut ? 'upstream-timeout' : 'service-unavailable',
          timedOut ? '服务响应超时 / The service did not answer in time' : '服务暂不可用 / Service unavailable',
          `${service}: ${error.code ?? error.message}`,
        ),
      );
    });
    request.pipe(upstream);
    return true;
  };
}

const logger = new Logger('proxy');

/**
 * Put the proxy in front of the server's other request handler (Fastify's, which Fastify
 * attaches when it creates the server: `app.getHttpServer()` already has it).
 */
export function serveProxyFirst(server: http.Server, proxy: ServiceProxy): void {
  const others = server.listeners('request') as ((request: http.IncomingMessage, response: http.ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    let proxied: boolean;
    try {
      proxied = proxy(request, response);
    } catch (error) {
      sendProblem(request, response, error, logger);
      return;
    }
    if (!proxied) for (const handle of others) handle(request, response);
  });
}
