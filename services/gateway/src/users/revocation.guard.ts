import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { bearerToken, InvalidToken, verifyAccessTokenClaims } from '@gonghui/auth';
import { AuthenticatedRequest, JWT_SECRET, Problem } from '@gonghui/service-kit';
import { RevocationList } from './revocation-list';

/**
 * The gateway's own routes (APP_GUARD, ahead of each route's AuthGuard): a revoked token is
 * refused as the proxy refuses it. Public routes (login) ignore the header, so a caller who
 * still sends a stale one can log in; a missing or invalid token is left to the route's guard.
 */
@Injectable()
export class RevokedTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly revocations: RevocationList,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    // Routes under @Authorize carry this metadata (service-kit's ROLES_KEY); the others are public.
    if (this.reflector.getAllAndOverride<unknown>('gonghui:roles', [context.getHandler(), context.getClass()]) === undefined) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) return true;
    try {
      if (this.revocations.isRevoked(verifyAccessTokenClaims(token, this.secret))) throw revokedToken();
    } catch (error) {
      if (error instanceof InvalidToken) return true;
      throw error;
    }
    return true;
  }
}

export function revokedToken(): Problem {
  return Problem.unauthorized('令牌已撤销，请重新登录 / The token has been revoked: log in again');
}
