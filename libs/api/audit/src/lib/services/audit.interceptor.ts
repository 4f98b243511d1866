import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { POLICY_KEY, PolicyDescription, isIdempotentReplay } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import { AccessLogService } from './access-log.service';
import { AuditAction, AuditFact, AuditTrail } from './audit-trail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_ACTION: Record<string, AuditAction> = {
  GET: 'READ',
  POST: 'CREATE',
  PUT: 'UPDATE',
  PATCH: 'UPDATE',
  DELETE: 'UPDATE',
};

/**
 * Every route that declares a `@Policy` touches client data: this interceptor writes what the
 * service recorded to the access log — or, when the request was refused or failed, a DENIED entry —
 * before the response leaves. A failure to log fails the request: no access without a record.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
    private readonly log: AccessLogService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const policy = this.reflector.getAllAndOverride<PolicyDescription | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) return next.handle();
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user?: Principal; params: Record<string, string> }>();
    const principal = request.user;
    if (!principal) return next.handle();
    const origin = {
      channel: 'HTTP' as const,
      route: request.routeOptions?.url ?? null,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    };
    const fallback = (): AuditFact => {
      const clientId = UUID.test(request.params?.clientId ?? '') ? request.params.clientId : null;
      const objectId =
        Object.entries(request.params ?? {}).find(
          ([k, v]) => k !== 'clientId' && UUID.test(v),
        )?.[1] ?? null;
      // A stored response sent again for a retried request (Idempotency-Key) created nothing: the
      // caller read what they had created before.
      if (isIdempotentReplay(request)) {
        return {
          objectType: policy.subject,
          objectId,
          clientId,
          action: 'READ',
          basis: 'NONE',
          details: { idempotentReplay: true },
        };
      }
      return {
        objectType: policy.subject,
        objectId,
        clientId,
        action: policy.auditAction ?? DEFAULT_ACTION[request.method] ?? 'READ',
        basis: 'NONE',
      };
    };

    return next.handle().pipe(
      mergeMap((result) =>
        from(
          (async () => {
            const facts = this.trail.take(principal);
            await this.log.write(principal, 'ALLOWED', facts.length ? facts : [fallback()], origin);
            return result;
          })(),
        ),
      ),
      catchError((error: unknown) => {
        const recorded = this.trail.take(principal);
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const base = recorded[0] ?? fallback();
        const denied: AuditFact = { ...base, details: { ...(base.details ?? {}), status } };
        return from(this.log.write(principal, 'DENIED', [denied], origin)).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}
