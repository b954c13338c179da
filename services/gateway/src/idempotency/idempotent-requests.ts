import { createHash } from 'node:crypto';
import type http from 'node:http';
import { Logger } from '@nestjs/common';
import { MAX_UPLOAD_BYTES, Problem, sendProblem } from '@gonghui/service-kit';
import { Claim, IdempotencyStore, RequestFingerprint } from './idempotency-store';

/** Writes that a repeated `Idempotency-Key` makes idempotent. */
const KEYED_METHODS = new Set(['POST', 'PATCH']);
/** 1–200 printable ASCII characters (a UUID is the usual choice). */
const VALID_KEY = /^[\x20-\x7e]{1,200}$/;
/** Answers larger than this are not kept: the key is released and a repeat goes through again. */
export const MAX_KEPT_ANSWER_BYTES = 1024 * 1024;
/** A keyed request's body is read whole (to fingerprint it) before it is sent: the largest upload and some room. */
const MAX_KEYED_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/**
 * Sends the request to the service: with this body, or (null) its body streamed through.
 * `answered` gets the service's response; when none comes (unreachable, timed out), `failed` is
 * called with the proxy's own answer (a 503/504 problem), to give once the claim is released.
 * Throws when Node will not send the request at all (a URL it refuses).
 */
export type Upstream = (body: Buffer | null, answered: (answer: http.IncomingMessage) => void, failed?: (answerWithProblem: () => void) => void) => void;

const logger = new Logger('idempotency');

/**
 * `Idempotency-Key` on a proxied POST or PATCH: the first request with a key is claimed,
 * proxied and its answer kept (status below 500, body up to 1 MB); a repeat by the same user
 * within 24 hours gets that answer again, with `Idempotent-Replayed: true`, and never reaches the
 * service. The same key with another method, path or body is a 422; a repeat while the first is
 * still in flight is a 409 (concurrent duplicates never both reach the service).
 */
export class IdempotentRequests {
  constructor(
    private readonly store: IdempotencyStore,
    /** A claim left in flight for longer than this is taken to be lost (its gateway died). */
    private readonly staleAfterMs: number,
  ) {}

  /** A POST or PATCH carrying the header: the one check on the proxy's fast path. */
  applies(request: http.IncomingMessage): boolean {
    return request.headers['idempotency-key'] !== undefined && KEYED_METHODS.has(request.method ?? '');
  }

  handle(request: http.IncomingMessage, response: http.ServerResponse, userId: string, upstream: Upstream): void {
    this.run(request, response, userId, upstream).catch((error: unknown) => {
      if (!response.headersSent) sendProblem(request, response, error, logger);
      else response.destroy();
    });
  }

  private async run(request: http.IncomingMessage, response: http.ServerResponse, userId: string, upstream: Upstream): Promise<void> {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      const message = 'Idempotency-Key 须为 1 到 200 个可打印 ASCII 字符 / Idempotency-Key must be 1 to 200 printable ASCII characters';
      return sendProblem(request, response, Problem.badRequest(message, [{ field: 'Idempotency-Key', message }]));
    }
    let body: Buffer;
    try {
      body = await readBody(request, MAX_KEYED_REQUEST_BYTES);
    } catch (error) {
      if (!(error instanceof Problem)) return; // the client went away
      response.setHeader('connection', 'close');
      return sendProblem(request, response, error);
    }
    const fingerprint: RequestFingerprint = { method: request.method ?? 'POST', path: request.url ?? '/', bodySha256: createHash('sha256').update(body).digest('hex') };

    // A key released or purged between the claim and the look-up is claimed again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claim = await this.store.claim(userId, key, fingerprint, this.staleAfterMs);
      if (claim) return this.forward(claim, request, response, body, upstream);
      const held = await this.store.find(userId, key);
      if (!held) continue;
      if (held.method !== fingerprint.method || held.path !== fingerprint.path || held.bodySha256 !== fingerprint.bodySha256) {
        return sendProblem(
          request,
          response,
          Problem.unprocessable(
            'idempotency-key-reused',
            '该 Idempotency-Key 已用于另一个请求（方法、路径或请求体不同） / This Idempotency-Key was already used for a different request (method, path or body)',
          ),
        );
      }
      if (held.statusCode === null || held.responseBody === null) break;
      response.statusCode = held.statusCode;
      if (held.contentType) response.setHeader('content-type', held.contentType);
      if (held.location) response.setHeader('location', held.location);
      response.setHeader('idempotent-replayed', 'true');
      response.setHeader('content-length', held.responseBody.length);
      response.end(held.responseBody);
      return;
    }
    response.setHeader('retry-after', '1');
    sendProblem(
      request,
      response,
      Problem.conflict('idempotency-key-in-flight', '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试 / A request with this Idempotency-Key is still in progress; retry shortly'),
    );
  }

  /** Proxies the claimed request; keeps its answer, or releases the claim when there is none to keep. */
  private forward(claim: Claim, request: http.IncomingMessage, response: http.ServerResponse, body: Buffer, upstream: Upstream): void {
    let settled = false;
    const release = async () => {
      if (settled) return;
      settled = true;
      await this.store.release(claim).catch((error: Error) => logger.warn(`could not release idempotency key: ${error.message}`));
    };

    const send = (...args: Parameters<Upstream>) => {
      try {
        upstream(...args);
      } catch (error) {
        // A URL Node will not send on: the caller's fault, and nothing reached the service.
        void release().then(() =>
          sendProblem(request, response, Problem.badRequest(`无法转发的网址 / The URL cannot be forwarded: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)),
        );
      }
    };
    send(
      body,
      (answer) => {
        const status = answer.statusCode ?? 502;
        if (status >= 500) {
          // A server error is not an answer to keep: the client may try again with the same key.
          void release().then(() => passThrough(response, answer, status));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_KEPT_ANSWER_BYTES) return void chunks.push(chunk);
          // Too large to keep: the key is given up first (so a repeat sent the moment the client
          // has the answer goes through again), then answered as the plain proxy would.
          answer.off('data', onData);
          answer.off('end', onEnd);
          answer.pause();
          void release().then(() => {
            response.writeHead(status, headersOf(answer));
            for (const kept of chunks) response.write(kept);
            response.write(chunk);
            answer.pipe(response);
          });
        };
        const onEnd = () => {
          const kept = Buffer.concat(chunks);
          settled = true;
          const contentType = headerText(answer.headers['content-type']);
          const location = headerText(answer.headers.location);
          // Kept before it is answered: a repeat sent the moment the client has the answer is replayed.
          this.store
            .complete(claim, { statusCode: status, contentType, location, body: kept })
            .catch(async (error: Error) => {
              logger.warn(`could not keep the answer to an idempotency key: ${error.message}`);
              await this.store.release(claim).catch(() => undefined);
            })
            .finally(() => {
              const headers = headersOf(answer);
              delete headers['transfer-encoding'];
              headers['content-length'] = kept.length;
              response.writeHead(status, headers).end(kept);
            });
        };
        answer.on('data', onData);
        answer.on('end', onEnd);
        answer.on('error', () => {
          void release().then(() => {
            if (response.headersSent) return void response.destroy();
            sendProblem(request, response, new Problem(502, 'bad-gateway', '服务应答中断 / The service broke off its answer'));
          });
        });
      },
      (answerWithProblem) => void release().then(answerWithProblem),
    );
  }
}

function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      done = true;
      request.off('data', onData);
      request.resume();
      reject(new Problem(413, 'payload-too-large', '请求体过大 / Payload too large', `带 Idempotency-Key 的请求体不得超过 ${limit} 字节 / A request with an Idempotency-Key may carry at most ${limit} bytes`));
    };
    request.on('data', onData);
    request.on('end', () => {
      done = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
    request.on('close', () => {
      if (!done) reject(new Error('request closed before its body was read'));
      done = true;
    });
  });
}

function headersOf(answer: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...answer.headers };
  delete headers.connection;
  delete headers['keep-alive'];
  return headers;
}

function passThrough(response: http.ServerResponse, answer: http.IncomingMessage, status: number): void {
  response.writeHead(status, headersOf(answer));
  answer.pipe(response);
}

function headerText(value: string | string[] | undefined): string | null {
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}
