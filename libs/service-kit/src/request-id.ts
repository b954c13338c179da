import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const VALID_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Keeps the caller's x-request-id (the gateway sets one) or makes one, and echoes it. */
export function requestIdMiddleware(request: Request & { requestId?: string }, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
  request.requestId = id;
  response.setHeader('x-request-id', id);
  next();
}
