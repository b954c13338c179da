import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { languageOf, localize } from './i18n';
import { Problem, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem';

const GENERIC_TITLES: Record<number, string> = {
  400: '请求有误 / Bad request',
  401: '未登录或令牌无效 / Not authenticated',
  403: '无权操作 / Forbidden',
  404: '未找到 / Not found',
  405: '方法不允许 / Method not allowed',
  409: '冲突 / Conflict',
  413: '请求体过大 / Payload too large',
  415: '不支持的媒体类型 / Unsupported media type',
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
