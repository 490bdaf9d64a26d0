import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_KEY, Access } from './access.decorators';
import { ForbiddenError, UnauthenticatedError } from './errors';

/**
 * The one place that decides who may call a route. A route without a declared access rule is refused:
 * deny by default.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) throw new ForbiddenError();
    if (access.kind === 'public') return true;
    const user = context.switchToHttp().getRequest<Request>().user;
    if (!user) throw new UnauthenticatedError();
    if (access.kind === 'authenticated') return true;
    if (user.hasRole(...access.roles)) return true;
    throw new ForbiddenError();
  }
}
