import http from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { bearerToken, InvalidToken, verifyAccessToken } from '@gonghui/auth';
import { Problem, sendProblem } from '@gonghui/service-kit';
import { RoutedService, ROUTED_SERVICES } from './service-routes';

const ROUTE = /^\/api\/v1\/([a-z-]+)(?:[/?]|$)/;
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'upgrade', 'host'];

/**
 * `/api/v1/<service>/…` goes to the service, with the body streamed through untouched. The
 * token is checked here first so that unauthenticated traffic never reaches a service (which
 * checks it again). Other paths (auth, events, docs) fall through to the gateway's own routes.
 */
export function createProxyMiddleware(routes: Record<RoutedService, string>, jwtSecret: string, timeoutMs = 30_000) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  return (request: Request & { requestId?: string }, response: Response, next: NextFunction): void => {
    const match = ROUTE.exec(request.originalUrl);
    const service = match?.[1] as RoutedService | undefined;
    if (!service || !(ROUTED_SERVICES as readonly string[]).includes(service)) return next();

    const token = bearerToken(request.headers.authorization);
    if (!token) return sendProblem(request, response, Problem.unauthorized('缺少 Bearer 令牌 / Missing bearer token'));
    try {
      verifyAccessToken(token, jwtSecret);
    } catch (error) {
      if (error instanceof InvalidToken) return sendProblem(request, response, Problem.unauthorized(`令牌无效 / Invalid token: ${error.message}`));
      throw error;
    }

    const target = new URL(request.originalUrl, routes[service]);
    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    headers['x-request-id'] = request.requestId;
    headers['x-forwarded-for'] = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
    headers['x-forwarded-proto'] = request.protocol;

    const upstream = http.request(target, { method: request.method, headers, agent, timeout: timeoutMs });
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
  };
}
