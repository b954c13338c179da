import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Principal } from './claims';
import { isRole } from './roles';

const ISSUER = 'gonghui-gateway';
const AUDIENCE = 'gonghui';

export class InvalidToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidToken';
  }
}

/**
 * Given a string, jsonwebtoken first tries to parse it as a public key (and throws) on every
 * call; a KeyObject made once per secret skips that, which was most of a request's CPU time.
 */
const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

interface TokenBody {
  sub: string;
  name: string;
  roles: string[];
  org: string | null;
  scope: string;
}

/** Issued by the gateway only. */
export function signAccessToken(principal: Principal, secret: string, ttlSeconds: number): string {
  const body: TokenBody = {
    sub: principal.userId,
    name: principal.username,
    roles: principal.roles,
    org: principal.orgUnitId,
    scope: principal.scopePath,
  };
  return jwt.sign(body, keyFor(secret), { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER, audience: AUDIENCE });
}

/**
 * Tokens verified lately, kept until they expire: a user's requests carry the same token for its
 * whole life, and checking it afresh (HMAC, JSON, claims) in the gateway and again in the service
 * was a tenth of a request's CPU. A hit counts only for the same secret and before `exp`.
 */
const verified = new Map<string, { secret: string; principal: Principal; expiresAtMs: number }>();
const MAX_VERIFIED = 10_000;

/** Verified by the gateway and again by every service: a service never trusts the network. */
export function verifyAccessToken(token: string, secret: string): Principal {
  const hit = verified.get(token);
  if (hit && hit.secret === secret && Date.now() < hit.expiresAtMs) return copyOf(hit.principal);
  const { expiresAtMs, ...principal } = verifyAfresh(token, secret);
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(token, { secret, principal, expiresAtMs });
  return copyOf(principal);
}

/** Callers get their own copy: nothing they do to it reaches the cache. */
function copyOf(principal: Principal): Principal {
  return { ...principal, roles: [...principal.roles] };
}

function verifyAfresh(token: string, secret: string): Principal & { expiresAtMs: number } {
  let body: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, keyFor(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    if (typeof decoded === 'string') throw new InvalidToken('unexpected token payload');
    body = decoded;
  } catch (error) {
    if (error instanceof InvalidToken) throw error;
    throw new InvalidToken((error as Error).message);
  }
  const roles = Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [];
  if (typeof body.sub !== 'string' || typeof body.scope !== 'string' || !body.scope.startsWith('/') || typeof body.exp !== 'number') {
    throw new InvalidToken('token lacks subject, scope or expiry');
  }
  return {
    expiresAtMs: body.exp * 1000,
    userId: body.sub,
    username: typeof body.name === 'string' ? body.name : body.sub,
    roles: roles.filter(isRole),
    orgUnitId: typeof body.org === 'string' ? body.org : null,
    scopePath: body.scope,
  };
}

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}
