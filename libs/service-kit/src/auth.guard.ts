import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { bearerToken, hasRole, InvalidToken, Principal, Role, verifyAccessToken } from '@gonghui/auth';
import type { FastifyRequest } from 'fastify';
import { rolesText } from './i18n';
import { Problem } from './problem';

export const JWT_SECRET = Symbol('JWT_SECRET');
const ROLES_KEY = 'gonghui:roles';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; requestId?: string };

/** Verifies the bearer token in the service itself and checks the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw Problem.unauthorized('缺少 Bearer 令牌 / Missing bearer token');
    try {
      request.principal = verifyAccessToken(token, this.secret);
    } catch (error) {
      if (error instanceof InvalidToken) throw Problem.unauthorized(`令牌无效 / Invalid token: ${error.message}`);
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && roles.length > 0 && !hasRole(request.principal, ...roles)) {
      const names = rolesText(roles);
      throw Problem.forbidden(`需要以下角色之一：${names.zh} / Requires one of the roles: ${names.en}`);
    }
    return true;
  }
}

/** The route needs a valid token and, if roles are given, one of them (a federation admin has all). */
export function Authorize(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing or invalid token (problem+json)' }),
    ApiForbiddenResponse({ description: 'The user lacks the role (problem+json)' }),
  );
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without @Authorize');
  return principal;
});

/** The request id (x-request-id), carried into events as their correlation id. */
export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().requestId,
);
