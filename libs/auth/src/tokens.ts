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

/** Verified by the gateway and again by every service: a service never trusts the network. */
export function verifyAccessToken(token: string, secret: string): Principal {
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
  if (typeof body.sub !== 'string' || typeof body.scope !== 'string' || !body.scope.startsWith('/')) {
    throw new InvalidToken('token lacks subject or scope');
  }
  return {
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
