import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, IS_PUBLIC_KEY } from '@tandem/api-core';

/**
 * Global guard: every route needs a valid access token unless marked `@Public()` (deny by default).
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (context.getType() !== 'http') return true; // sockets authenticate in their gateway
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) {
      throw new DomainError(
        HttpStatus.UNAUTHORIZED,
        'UNAUTHENTICATED',
        'Sign in to continue: this request needs a valid session.',
      );
    }
    return user;
  }
}

/** Runs the local (e-mail + password) strategy for the sign-in route. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(err: unknown, user: T, info: { message?: string } | undefined): T {
    if (err) throw err;
    if (!user) {
      throw new DomainError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        'Please fill in both email and password.',
        {
          errors: [
            { field: 'email', rule: 'required', message: info?.message ?? 'email is required' },
            { field: 'password', rule: 'required', message: 'password is required' },
          ],
        },
      );
    }
    return user;
  }
}
