import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import type { ProblemBody } from './problem';

const DEFAULT_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  423: 'LOCKED',
  429: 'TOO_MANY_REQUESTS',
};

const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * True when the database cannot be reached or is shutting down (as opposed to a failed statement):
 * PostgreSQL's connection exceptions (class 08) and operator interventions (57P01–57P03), refused or
 * dropped connections, and pool timeouts.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: string; message?: string; driverError?: unknown };
  const candidates = [error, error?.driverError as typeof error | undefined];
  return candidates.some((e) => {
    const code = typeof e?.code === 'string' ? e.code : '';
    const message = typeof e?.message === 'string' ? e.message : '';
    return (
      code.startsWith('08') ||
      ['57P01', '57P02', '57P03'].includes(code) ||
      UNAVAILABLE_NODE_CODES.has(code) ||
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        message,
      )
    );
  });
}

/**
 * Turns every error into a `ProblemBody`. Unknown errors become a 500 without details; their message
 * is logged without the request body (which may hold client data).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = problemOf(exception);
    if (body.statusCode >= 500) {
      // Error messages can quote values from the request or the database (names, e-mail
      // addresses): log the error's kind, the database error code and the stack frames only.
      const error = exception instanceof Error ? exception : null;
      const frames = error?.stack?.split('\n').slice(1).join('\n');
      const pgCode = (exception as { driverError?: { code?: string } })?.driverError?.code;
      this.logger.error(
        {
          msg: 'unhandled error',
          route: request.routeOptions?.url,
          error: error?.name ?? 'unknown',
          pgCode,
        },
        frames,
        'http',
      );
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) void reply.header('retry-after', '2');
    void reply.status(body.statusCode).send(body);
  }
}

/**
 * The problem (status, code, message) an error becomes in the response; the access log records the
 * same status for a refused or failed request.
 */
export function problemOf(exception: unknown): ProblemBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      return response as ProblemBody;
    }
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    return { statusCode: status, code: DEFAULT_CODES[status] ?? 'ERROR', message };
  }
  const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastifyError?.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    // Fastify's own client errors: malformed JSON, body too large, wrong content type.
    const status = fastifyError.statusCode;
    const message =
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      /JSON/.test(fastifyError.message ?? '')
        ? 'The request body is not valid JSON. Check quotes, commas and brackets.'
        : (fastifyError.message ?? 'Bad request');
    return { statusCode: status, code: DEFAULT_CODES[status] ?? 'BAD_REQUEST', message };
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError
      ?.code;
    if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'BAD_REQUEST',
        message: 'A value in the request has the wrong format.',
      };
    }
    if (pgCode === '23505') {
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'CONFLICT',
        message: 'This record already exists.',
      };
    }
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'DATABASE_UNAVAILABLE',
      message:
        'The database cannot be reached at the moment; nothing was saved by this request unless it says otherwise. Try again in a few seconds.',
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL',
    message:
      'Something went wrong on our side. Try again; if it keeps happening, contact your functional administrator.',
  };
}
