import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { UnauthenticatedError } from '../common/errors';
import type { User } from './user.entity';
import type { UserStatus, UserSummary } from './user-summary';

/** The signed-in user with their status, as read with their session or token; only on signed-in routes. */
export const CurrentUserSummary = createParamDecorator((_data: unknown, context: ExecutionContext): UserSummary => {
  const { user, userStatus } = context.switchToHttp().getRequest<{ user?: User; userStatus?: UserStatus }>();
  if (!user || !userStatus) throw new UnauthenticatedError();
  return { user, status: userStatus };
});
