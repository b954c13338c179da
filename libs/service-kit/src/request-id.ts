import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const VALID_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Keeps the caller's x-request-id (the gateway sets one) or makes one, and echoes it. */
export function assignRequestId(request: IncomingMessage & { requestId?: string }, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
  request.requestId = id;
  response.setHeader('x-request-id', id);
  return id;
}
