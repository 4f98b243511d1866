import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { InjectDataSource } from '@nestjs/typeorm';
import { Observable, defer, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import {
  POLICY_KEY,
  PolicyDescription,
  isIdempotentReplay,
  problemOf,
  runInWriteUnit,
} from '@tandem/api-core';
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
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route that declares a `@Policy` touches client data: this interceptor writes what the
 * service recorded to the access log — or, when the request was refused or failed, a DENIED entry —
 * before the response leaves. A failure to log fails the request: no access without a record.
 * For a write the entry is part of the write's own transaction (`runInWriteUnit`), so a change is
 * never stored without its entry, nor logged as done when it was rolled back.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
    private readonly log: AccessLogService,
    @InjectDataSource() private readonly db: DataSource,
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

    const allowed = async (result: unknown) => {
      const facts = this.trail.take(principal);
      await this.log.write(principal, 'ALLOWED', facts.length ? facts : [fallback()], origin);
      return result;
    };
    const denied = async (error: unknown) => {
      const recorded = this.trail.take(principal);
      const base = recorded[0] ?? fallback();
      // The status the caller gets (the same mapping as the exception filter).
      const status = problemOf(error).statusCode;
      const fact: AuditFact = { ...base, details: { ...(base.details ?? {}), status } };
      await this.log.write(principal, 'DENIED', [fact], origin);
    };
    const handle = async () =>
      allowed(await lastValueFrom(next.handle(), { defaultValue: undefined }));

    // A write runs in one write unit: the change, its access-log entry (and an idempotency key
    // with the response) commit together. When anything fails, all of it is rolled back first and
    // the refusal is then logged on its own.
    return defer(async () => {
      try {
        return WRITES.has(request.method) ? await runInWriteUnit(this.db, handle) : await handle();
      } catch (error) {
        await denied(error);
        throw error;
      }
    });
  }
}
