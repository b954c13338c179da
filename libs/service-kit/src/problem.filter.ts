import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { languageOf, localize } from './i18n';
import { Problem, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';

const GENERIC_TITLES: Record<number, string> = {
  400: '请求有误 / Bad request',
  401: '未登录或令牌无效 / Not authenticated',
  403: '无权操作 / Forbidden',
  404: '未找到 / Not found',
  405: '方法不允许 / Method not allowed',
  408: '请求超时 / Request timeout',
  409: '冲突 / Conflict',
  413: '请求体过大 / Payload too large',
  414: '网址过长 / URI too long',
  415: '不支持的媒体类型 / Unsupported media type',
  431: '请求头过大 / Request header fields too large',
  422: '业务规则不允许 / Unprocessable',
  429: '请求过于频繁 / Too many requests',
  500: '服务器内部错误 / Internal server error',
  503: '服务暂不可用 / Service unavailable',
};

/** Every error leaves as application/problem+json; unexpected ones as a 500 without internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { requestId?: string }>();
    const reply = http.getResponse<FastifyReply>();
    const body = problemFor(request.raw, exception, this.logger);
    reply.status(body.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(body));
  }
}

/** Answer a request with the problem+json rendering of `exception`, in the caller's language. */
export function sendProblem(request: IncomingMessage & { requestId?: string }, response: ServerResponse, exception: unknown, logger?: Logger): void {
  const body = problemFor(request, exception, logger);
  const json = JSON.stringify(body);
  response.statusCode = body.status;
  response.setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.setHeader('content-length', Buffer.byteLength(json));
  response.end(json);
}

/** The problem+json body for `exception`, in the caller's language; a 5xx is logged with its stack. */
export function problemFor(request: IncomingMessage & { requestId?: string }, exception: unknown, logger?: Logger): ProblemDetails {
  const language = languageOf(request.headers['accept-language']);
  const body = toProblem(exception);
  body.title = localize(body.title, language);
  if (body.detail) body.detail = localize(body.detail, language);
  body.errors = body.errors?.map((e) => ({ field: e.field, message: localize(e.message, language) }));
  body.instance = request.url;
  body.requestId = request.requestId;
  if (body.status >= 500) {
    logger?.error(`${request.method} ${body.instance} failed: ${(exception as Error)?.stack ?? String(exception)}`);
  }
  return body;
}

function toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof Problem) {
      return {
        type: problemType(exception.slug),
        title: exception.titleText,
        status: exception.statusCode,
        detail: exception.detailText,
        errors: exception.fieldErrors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'object' && res !== null ? (res as { message?: unknown }).message : res;
      return {
        type: problemType(status === 404 ? 'not-found' : `http-${status}`),
        title: GENERIC_TITLES[status] ?? exception.message,
        status,
        detail: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined,
      };
    }
    // Body parser errors (malformed JSON, too large) arrive as plain errors with a status.
    // Errors of the HTTP layer (Fastify's body parsing, multipart limits) carry statusCode; Nest
    // hands them to this filter through the error handler it installs on Fastify.
    const status = (exception as { status?: unknown })?.status ?? (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        type: problemType(`http-${status}`),
        title: GENERIC_TITLES[status] ?? 'Bad request',
        status,
        detail: (exception as Error).message,
      };
    }
    return { type: problemType('internal'), title: GENERIC_TITLES[500], status: 500 };
  }

/**
 * A request Node's HTTP parser refused before any handler saw it (Fastify's `clientErrorHandler`):
 * headers or URL over the size limit (431; e.g. a 20,000-character cursor), a URL with raw
 * non-ASCII bytes or other malformed request line (400), a request too slow to arrive (408).
 * Answered as problem+json like everything else, then the connection is closed. No headers were
 * parsed: the language is taken from the raw bytes if they carry an `Accept-Language: en`.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? '请求行或请求头超过 16 KB，请缩短网址或参数 / The request line or headers exceed 16 KB: shorten the URL or its parameters'
      : status === 408
        ? '请求未能及时送达 / The request did not arrive in time'
        : '无法解析的 HTTP 请求；网址中的非 ASCII 字符（如中文）须经百分号编码 / Malformed HTTP request; non-ASCII characters in the URL (e.g. Chinese) must be percent-encoded';
  const raw = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 16_384).toString('latin1') : '';
  const language = languageOf(/\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(raw)?.[1]);
  const body = JSON.stringify({
    type: problemType(`http-${status}`),
    title: localize(GENERIC_TITLES[status], language),
    status,
    detail: localize(detail, language),
  } satisfies ProblemDetails);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before Nest sees the request, a URL that
 * does not decode (`%E4%B8`, `%zz`: 400) or a path parameter over its length limit (414).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? new Problem(400, 'bad-url', GENERIC_TITLES[400], '网址中的百分号编码无效 / The URL contains invalid percent-encoding')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new Problem(414, 'uri-too-long', GENERIC_TITLES[414], '路径参数过长 / A path parameter is too long')
        : error;
  const body = problemFor(request.raw, problem);
  void reply.status(body.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(body));
}
