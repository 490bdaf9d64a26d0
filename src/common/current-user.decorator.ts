import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { UnauthenticatedError } from './errors';
import { actorFromRequest } from './request';

/** The signed-in user; only on routes the AccessGuard has let through as signed in. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const user = context.switchToHttp().getRequest<Request>().user;
  if (!user) throw new UnauthenticatedError();
  return user;
});

/** The caller as services see it: a plain `Actor`, never the HTTP request. Works on public routes too. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  actorFromRequest(context.switchToHttp().getRequest<Request>()),
);
