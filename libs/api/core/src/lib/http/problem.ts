import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The body of every error response: a stable machine code the web client translates, a message a
 * person can act on (English; the web client shows the Dutch text for the code), and for
 * validation errors the fields and rules that failed.
 */
export interface ProblemBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; rule: string; message: string }[];
  [key: string]: unknown;
}

export class DomainError extends HttpException {
  constructor(
    status: HttpStatus,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super({ statusCode: status, code, message, ...extra } satisfies ProblemBody, status);
  }
}
