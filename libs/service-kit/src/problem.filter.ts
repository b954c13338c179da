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
  406: '无法提供可接受的内容 / Not acceptable',
  408: '请求超时 / Request timeout',
  409: '冲突 / Conflict',
  410: '已不存在 / Gone',
  411: '需要 Content-Length / Length required',
  412: '前提条件不满足 / Precondition failed',
  413: '请求体过大 / Payload too large',
  414: '网址过长 / URI too long',
  415: '不支持的媒体类型 / Unsupported media type',
  431: '请求头过大 / Request header fields too large',
  422: '业务规则不允许 / Unprocessable',
  429: '请求过于频繁 / Too many requests',
  500: '服务器内部错误 / Internal server error',
  501: '未实现 / Not implemented',
  502: '上游服务出错 / Bad gateway',
  503: '服务暂不可用 / Service unavailable',
  504: '上游服务超时 / Gateway timeout',
};

/** The bilingual title of an HTTP status without a problem type of its own. */
export function genericTitle(status: number): string {
  return GENERIC_TITLES[status] ?? (status >= 500 ? GENERIC_TITLES[500] : GENERIC_TITLES[400]);
}

/**
 * What the HTTP layer says in English only (Nest's router and built-in pipes, Fastify's body
 * parsers, @fastify/multipart), as "中文 / English". Matched on the error code where there is
 * one, else on the English message; anything unknown keeps its English message behind the
 * generic Chinese title of its status, so a zh answer never holds a bare English sentence.
 */
const HTTP_LAYER_DETAILS: { code?: string; message?: RegExp; detail: (m: RegExpExecArray | null, english: string) => string }[] = [
  { message: /^Cannot ([A-Z]+) (\/\S*)$/, detail: (m) => `没有此接口：${m![1]} ${m![2]} / No such endpoint: ${m![1]} ${m![2]}` },
  { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', detail: () => '请求体为空，但 Content-Type 为 application/json / The body is empty but the content type is application/json' },
  { code: 'FST_ERR_CTP_INVALID_JSON_BODY', detail: () => '请求体不是有效的 JSON / The body is not valid JSON' },
  { message: /^Body cannot be empty when content-type is set to/, detail: () => '请求体为空，但 Content-Type 为 application/json / The body is empty but the content type is application/json' },
  { message: /^Body is not valid JSON/, detail: () => '请求体不是有效的 JSON / The body is not valid JSON' },
  { message: /^Unsupported Media Type:?\s*$/, detail: () => '不支持请求的 Content-Type / Unsupported content type' },
  { message: /forbidden prototype property/, detail: () => '请求体含有不允许的 __proto__ 或 constructor 属性 / The body contains a forbidden __proto__ or constructor property' },
  { message: /JSON|Unexpected (token|end|non-whitespace)|Expected .* after|Bad (control|escaped)|Unterminated string/i, detail: (_m, e) => {
    const at = /position (\d+)/.exec(e)?.[1];
    return `请求体不是有效的 JSON${at ? `（第 ${at} 个字符附近）` : ''} / The body is not valid JSON: ${e.replace(/ \/ /g, ' or ')}`;
  } },
  { code: 'FST_ERR_CTP_BODY_TOO_LARGE', detail: () => '请求体超过大小限制 / The request body is larger than allowed' },
  { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', detail: (_m, e) => {
    const type = /Unsupported Media Type:?\s*(.*)$/.exec(e)?.[1]?.trim() || '';
    return type ? `不支持的 Content-Type：${type} / Unsupported content type: ${type}` : '不支持请求的 Content-Type / Unsupported content type';
  } },
  { code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', detail: () => 'Content-Length 与请求体长度不符 / The Content-Length does not match the body length' },
  { code: 'FST_REQ_FILE_TOO_LARGE', detail: () => '上传的文件过大 / The uploaded file is too large' },
  { code: 'FST_FILES_LIMIT', detail: () => '上传的文件过多 / Too many files uploaded' },
  { code: 'FST_FIELDS_LIMIT', detail: () => '表单字段过多 / Too many form fields' },
  { code: 'FST_PARTS_LIMIT', detail: () => '表单部分过多 / Too many form parts' },
  { code: 'FST_INVALID_MULTIPART_CONTENT_TYPE', detail: () => '请求不是 multipart/form-data / The request is not multipart/form-data' },
  { code: 'FST_PROTO_VIOLATION', detail: () => '表单字段名不允许 / A form field name is not allowed' },
  { message: /^Validation failed \(uuid.*expected\)$/, detail: (_m, e) => `参数须为 UUID / ${e}` },
  { message: /^Validation failed \(numeric string is expected\)$/, detail: (_m, e) => `参数须为整数 / ${e}` },
  { message: /^Validation failed \(boolean string is expected\)$/, detail: (_m, e) => `参数须为布尔值 / ${e}` },
  { message: /^Validation failed \(enum string is expected\)$/, detail: (_m, e) => `参数不是允许的值 / ${e}` },
];

/** An HTTP-layer message as "中文 / English" (kept as it is when it already is). */
export function bilingualHttpDetail(status: number, english: string, code?: string): string {
  if (english.split(' / ').length === 2) return english;
  for (const rule of HTTP_LAYER_DETAILS) {
    if (rule.code && rule.code === code) return rule.detail(null, english);
    const match = rule.message && !rule.code ? rule.message.exec(english) : null;
    if (match) return rule.detail(match, english);
  }
  const chinese = genericTitle(status).split(' / ')[0];
  return `${chinese} / ${english.replace(/ \/ /g, ' or ')}`;
}

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
      const english = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
      return {
        type: problemType(status === 404 ? 'not-found' : `http-${status}`),
        title: genericTitle(status),
        status,
        detail: english === undefined ? undefined : bilingualHttpDetail(status, english),
      };
    }
    // Body parser errors (malformed JSON, too large) arrive as plain errors with a status.
    // Errors of the HTTP layer (Fastify's body parsing, multipart limits) carry statusCode; Nest
    // hands them to this filter through the error handler it installs on Fastify.
    const status = (exception as { status?: unknown })?.status ?? (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        type: problemType(`http-${status}`),
        title: genericTitle(status),
        status,
        detail: bilingualHttpDetail(status, String((exception as Error).message ?? ''), (exception as { code?: string }).code),
      };
    }
    if (isDatabaseOverloaded(exception)) {
      return {
        type: problemType('http-503'),
        title: GENERIC_TITLES[503],
        status: 503,
        detail: '数据库连接已满，请稍后重试 / The database has no free connection: try again shortly',
      };
    }
    return { type: problemType('internal'), title: GENERIC_TITLES[500], status: 500 };
  }

/**
 * Postgres out of connection slots (53300), starting up or shutting down (57P03), or this
 * process's pool waiting too long for one: the request may succeed a moment later, so it is a
 * 503 the client can retry, not a 500.
 */
export function isDatabaseOverloaded(exception: unknown): boolean {
  const code = (exception as { code?: unknown } | null)?.code;
  if (code === '53300' || code === '57P03') return true;
  const message = (exception as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.startsWith('timeout exceeded when trying to connect');
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
