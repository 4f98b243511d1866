import { createHash } from 'node:crypto';
import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, defer, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { outsideWriteUnit, runInWriteUnit } from '../database/write-unit';
import { DomainError } from './problem';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long a key is remembered; a retry after that creates a new record. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** Set on the request when the response is a stored one (the access log records it as a read). */
export const IDEMPOTENT_REPLAY = Symbol('tandem:idempotent-replay');

const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;
const SWEEP_INTERVAL_MS = 10 * 60_000;

type Request = FastifyRequest & {
  user?: { userId?: string };
  [IDEMPOTENT_REPLAY]?: boolean;
};

/** JSON with object keys sorted, so that the same body in another key order hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function isIdempotentReplay(request: object): boolean {
  return (request as Request)[IDEMPOTENT_REPLAY] === true;
}

/**
 * Makes a create endpoint safe to retry. A request with an `Idempotency-Key` header claims the key
 * for its user (a row in `idempotency_keys`) and stores the response, in the same write unit (one
 * transaction, see `runInWriteUnit`) as the record it creates and its access-log entry: they commit
 * together or not at all. A retry with the same key and the same request gets that response again
 * and creates nothing; the same key with another request is refused with 422. A retry while the
 * first is still running waits for it (the key's row is locked until the first commits) and then
 * gets its response; if the first failed, nothing of it is left and the retry runs anew. Keys are
 * per user and expire after 24 hours. Without the header nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private lastSweep = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    const userId = request.user?.userId;
    if (header === undefined || !userId) return next.handle();
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!KEY_FORMAT.test(key)) {
      throw new DomainError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `${IDEMPOTENCY_HEADER} must be 1 to 200 visible ASCII characters (a UUID is a good choice).`,
        {
          errors: [
            {
              field: IDEMPOTENCY_HEADER,
              rule: 'format',
              message: 'use 1 to 200 visible ASCII characters, e.g. a UUID',
            },
          ],
        },
      );
    }
    this.sweep();
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');

    return defer(() =>
      runInWriteUnit(this.db, async () => {
        if (await this.claim(userId, key, requestHash)) {
          const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await this.db.query(
            `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`,
            [userId, key, reply.statusCode, JSON.stringify(result ?? null)],
          );
          return result;
        }
        const rows: {
          request_hash: string;
          status_code: number | null;
          response: string | null;
        }[] = await this.db.query(
          `SELECT request_hash, status_code, response FROM idempotency_keys
           WHERE user_id = $1 AND key = $2 AND expires_at > now()`,
          [userId, key],
        );
        const stored = rows[0];
        if (stored && stored.request_hash !== requestHash) {
          throw new DomainError(
            HttpStatus.UNPROCESSABLE_ENTITY,
            'IDEMPOTENCY_KEY_REUSED',
            `This ${IDEMPOTENCY_HEADER} was already used for a different request. Use a new key for a new request.`,
            {
              errors: [{ field: IDEMPOTENCY_HEADER, rule: 'reused', message: 'key already used' }],
            },
          );
        }
        if (!stored || stored.status_code === null || stored.response === null) {
          // Not reachable with the key and response committed together; kept as a clear answer.
          throw new DomainError(
            HttpStatus.CONFLICT,
            'IDEMPOTENCY_KEY_IN_PROGRESS',
            'Another request with this key is being processed. Retry in a moment with the same key.',
          );
        }
        request[IDEMPOTENT_REPLAY] = true;
        void reply.status(stored.status_code).header('idempotent-replayed', 'true');
        return JSON.parse(stored.response) as unknown;
      }),
    );
  }

  /**
   * True when this request now owns the key (new, expired, or left without a response by an
   * older version). A concurrent claim of the same key waits here until the first one's unit ends.
   */
  private async claim(userId: string, key: string, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}))
       ON CONFLICT (user_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = NULL, response = NULL,
             created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= now() OR idempotency_keys.status_code IS NULL
       RETURNING 1`,
      [userId, key, requestHash],
    );
    return rows.length > 0;
  }

  /** Forgets expired keys, at most every ten minutes per process, without holding up the request. */
  private sweep() {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    outsideWriteUnit(() =>
      this.db.query('DELETE FROM idempotency_keys WHERE expires_at <= now()').catch(() => {
        this.lastSweep = 0; // try again with the next request
      }),
    );
  }
}

/**
 * For create endpoints: a retried request with the same `Idempotency-Key` header returns the first
 * response and creates nothing new (see IdempotencyInterceptor).
 */
export const Idempotent = () =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'Optional. A retry with the same key and body returns the first response and creates nothing; the same key with another body answers 422. Per user, kept 24 hours.',
    }),
    UseInterceptors(IdempotencyInterceptor),
  );
