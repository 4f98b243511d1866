import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@tandem/domain';

/** The signed-in user, as the authentication guard put it on the request. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => {
    const request = ctx.switchToHttp().getRequest<{ user?: Principal }>();
    if (!request.user) throw new Error('CurrentPrincipal used on a route without authentication');
    return request.user;
  },
);
