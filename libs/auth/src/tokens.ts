import { createSecretKey, KeyObject, randomUUID } from 'node:crypto';
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
  /** The login session the token belongs to: logging out revokes it (the gateway checks). */
  sid: string;
  jti: string;
  iat: number;
}

/** What a verified token says beyond the principal: which login it belongs to and when it was issued. */
export interface VerifiedToken {
  principal: Principal;
  /** Unique per token (`jti`). */
  tokenId: string;
  /** The login session (`sid`); a token without one (issued before sessions existed) has its `jti` here. */
  sessionId: string;
  issuedAtMs: number;
  expiresAtMs: number;
}

export interface SessionOptions {
  /** The login session; a new one when omitted. */
  sessionId?: string;
  /**
   * Issue the token no earlier than this (ms): the user's `tokens_valid_after`, so that a token
   * issued in the same second as a revocation still counts as issued after it.
   */
  notBeforeMs?: number;
}

/** Issued by the gateway only. Access tokens are short-lived: `ttlSeconds`. */
export function signAccessToken(principal: Principal, secret: string, ttlSeconds: number, session: SessionOptions = {}): string {
  const iat = Math.max(Math.floor(Date.now() / 1000), Math.ceil((session.notBeforeMs ?? 0) / 1000));
  const jti = randomUUID();
  const body: TokenBody = {
    sub: principal.userId,
    name: principal.username,
    roles: principal.roles,
    org: principal.orgUnitId,
    scope: principal.scopePath,
    sid: session.sessionId ?? randomUUID(),
    jti,
    iat,
  };
  return jwt.sign(body, keyFor(secret), { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER, audience: AUDIENCE });
}

/**
 * Tokens verified lately, kept until they expire: a user's requests carry the same token for its
 * whole life, and checking it afresh (HMAC, JSON, claims) in the gateway and again in the service
 * was a tenth of a request's CPU. A hit counts only for the same secret and before `exp`.
 */
const verified = new Map<string, { secret: string; token: VerifiedToken }>();
const MAX_VERIFIED = 10_000;

/** Verified by the gateway and again by every service: a service never trusts the network. */
export function verifyAccessToken(token: string, secret: string): Principal {
  return verifyAccessTokenClaims(token, secret).principal;
}

/** As verifyAccessToken, with the token's session, id and times (the gateway's revocation check needs them). */
export function verifyAccessTokenClaims(token: string, secret: string): VerifiedToken {
  const hit = verified.get(token);
  if (hit && hit.secret === secret && Date.now() < hit.token.expiresAtMs) return copyOf(hit.token);
  const fresh = verifyAfresh(token, secret);
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(token, { secret, token: fresh });
  return copyOf(fresh);
}

/** Callers get their own copy: nothing they do to it reaches the cache. */
function copyOf(token: VerifiedToken): VerifiedToken {
  return { ...token, principal: { ...token.principal, roles: [...token.principal.roles] } };
}

function verifyAfresh(token: string, secret: string): VerifiedToken {
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
  const tokenId = typeof body.jti === 'string' ? body.jti : `${body.sub}:${body.iat ?? 0}`;
  return {
    principal: {
      userId: body.sub,
      username: typeof body.name === 'string' ? body.name : body.sub,
      roles: roles.filter(isRole),
      orgUnitId: typeof body.org === 'string' ? body.org : null,
      scopePath: body.scope,
    },
    tokenId,
    sessionId: typeof body.sid === 'string' ? body.sid : tokenId,
    issuedAtMs: typeof body.iat === 'number' ? body.iat * 1000 : 0,
    expiresAtMs: body.exp * 1000,
  };
}

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}
