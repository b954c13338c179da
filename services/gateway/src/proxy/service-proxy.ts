import http from 'node:http';
import { Logger } from '@nestjs/common';
import { bearerToken, InvalidToken, VerifiedToken, verifyAccessToken, verifyAccessTokenClaims } from '@gonghui/auth';
import { formatTraceparent, observeHttpRequest, parseTraceparent, rootLogger, runInContext, SpanKind, startSpan } from '@gonghui/observability';
import { applySecurityHeaders, assignRequestId, IDLE_CONNECTION_MS, Problem, sendProblem } from '@gonghui/service-kit';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { IdempotentRequests, Upstream } from '../idempotency/idempotent-requests';
import { RoutedService, ROUTED_SERVICES } from './service-routes';

const ROUTE = /^\/api\/v1\/([a-z-]+)(?:[/?]|$)/;
/** GET routes anyone may call without a token, e.g. certificate verification (证书查验) by an employer; the service serves them without @Authorize. */
const PUBLIC_GET_ROUTES: readonly RegExp[] = [/^\/api\/v1\/training\/certificates\/verify\/[^/?#]+(?:\?[^#]*)?$/];
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
 * Given the store, a POST or PATCH with an `Idempotency-Key` is made idempotent (see
 * IdempotentRequests); a request without the header takes the same path as before, no look-up.
 * Given `isRevoked`, a token revoked at the gateway is refused here (a set and a map look-up).
 */
export function createServiceProxy(routes: Record<RoutedService, string>, jwtSecret: string, timeoutMs = 30_000, idempotency?: IdempotencyStore, isRevoked?: (token: VerifiedToken) => boolean): ServiceProxy {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512, timeout: UPSTREAM_IDLE_MS });
  // A claim outlives its request by far before it counts as lost: the request has timed out by then.
  const keyed = idempotency ? new IdempotentRequests(idempotency, 2 * timeoutMs + 60_000) : null;
  return (request, response) => {
    const url = request.url ?? '/';
    const match = ROUTE.exec(url);
    const service = match?.[1] as RoutedService | undefined;
    if (!service || !(ROUTED_SERVICES as readonly string[]).includes(service)) return false;

    const requestId = assignRequestId(request, response);
    observeProxied(request, response, service, requestId);
    applySecurityHeaders(request, response);
    const token = bearerToken(request.headers.authorization);
    const isPublic = request.method === 'GET' && PUBLIC_GET_ROUTES.some((route) => route.test(url));
    if (!token && !isPublic) {
      sendProblem(request, response, Problem.unauthorized('缺少 Bearer 令牌 / Missing bearer token'));
      return true;
    }
    // A public route ignores any token it is sent: it answers the same to everyone.
    if (token && !isPublic) {
      try {
        // A token revoked at the gateway (logout, disabled user: see RevocationList) goes no further.
        const verified = verifyAccessTokenClaims(token, jwtSecret);
        if (isRevoked?.(verified)) {
          sendProblem(request, response, Problem.unauthorized('令牌已撤销，请重新登录 / The token has been revoked: log in again'));
          return true;
        }
      } catch (error) {
        if (!(error instanceof InvalidToken)) throw error;
        sendProblem(request, response, Problem.unauthorized(`令牌无效 / Invalid token: ${error.message}`));
        return true;
      }
    }

    const headers: http.OutgoingHttpHeaders = { ...request.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    headers['x-request-id'] = requestId;
    headers.traceparent = (request as TracedRequest).traceparent;
    headers['x-forwarded-for'] = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
    headers['x-forwarded-proto'] = request.headers['x-forwarded-proto'] ?? 'http';

    /** Sends the request on: its body streamed through, or (a keyed request) the body already read. */
    const send: Upstream = (body, answered, failed) => {
      if (body) {
        delete headers['transfer-encoding'];
        headers['content-length'] = body.length;
      }
      const upstream = http.request(`${routes[service]}${url}`, { method: request.method, headers, agent, timeout: timeoutMs });
      upstream.on('response', answered);
      upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('upstream timeout'), { code: 'ETIMEDOUT' })));
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (response.headersSent) return void response.destroy(error);
        const timedOut = error.code === 'ETIMEDOUT';
        const answerWithProblem = () =>
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
        if (failed) failed(answerWithProblem);
        else answerWithProblem();
      });
      if (body) upstream.end(body);
      else request.pipe(upstream);
    };
    if (token && !isPublic && keyed?.applies(request)) {
      // The token was verified just above (verification is cached): the key is the user's.
      keyed.handle(request, response, verifyAccessToken(token, jwtSecret).userId, send);
      return true;
    }
    try {
      send(null, (answer) => {
        const out = { ...answer.headers };
        delete out.connection;
        delete out['keep-alive'];
        delete out['x-powered-by'];
        response.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(response);
      });
    } catch (error) {
      // A URL Node will not send on (it refuses to build such a request): the caller's fault, not the service's.
      request.resume();
      sendProblem(request, response, Problem.badRequest(`无法转发的网址 / The URL cannot be forwarded: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`));
    }
    return true;
  };
}

type TracedRequest = http.IncomingMessage & { traceparent?: string };

/**
 * A proxied call's span (continuing the caller's traceparent, else a new trace) whose context
 * goes on to the service; when answered, the HTTP metrics (route: the service's prefix, the
 * service counts its own routes) and one JSON log line, without body or query string.
 */
function observeProxied(request: TracedRequest, response: http.ServerResponse, service: string, requestId: string): void {
  const started = process.hrtime.bigint();
  const route = `/api/v1/${service}/*`;
  const span = startSpan(`${request.method} ${route}`, SpanKind.SERVER, parseTraceparent(request.headers.traceparent), { 'http.request.method': request.method ?? 'GET', 'http.route': route });
  request.traceparent = formatTraceparent(span.context);
  response.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    observeHttpRequest(request.method ?? 'GET', route, response.statusCode, seconds);
    span.end(response.statusCode >= 500 ? `HTTP ${response.statusCode}` : undefined);
    const line = { method: request.method, route, path: (request.url ?? '/').split('?')[0], status: response.statusCode, durationMs: Math.round(seconds * 10_000) / 10 };
    runInContext({ requestId, trace: span.context }, () => rootLogger().info(line, 'request'));
  });
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
