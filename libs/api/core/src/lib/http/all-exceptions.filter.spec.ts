import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter, isDatabaseUnavailable } from './all-exceptions.filter';

function replyFor(filter: AllExceptionsFilter, exception: unknown) {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = {
    headers: {},
  };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({
      getResponse: () => reply,
      getRequest: () => ({ routeOptions: { url: '/api/v1/x' } }),
    }),
  } as unknown as ArgumentsHost;
  filter.catch(exception, host);
  return sent;
}

const pgError = (code: string, message = 'x') =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

describe('database outages', () => {
  const filter = new AllExceptionsFilter();
  // The filter logs 5xx errors; keep the test output clean.
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it.each([
    ['admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['starting up', pgError('57P03', 'the database system is starting up')],
    ['connection exception', pgError('08006')],
    [
      'refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['dropped', new Error('Connection terminated unexpectedly')],
    ['pool time-out', new Error('timeout exceeded when trying to connect')],
  ])('%s answers 503 DATABASE_UNAVAILABLE with Retry-After', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const sent = replyFor(filter, error);
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('2');
    expect(sent.body).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/Try again/),
    });
  });

  it('a failed statement or any other error is not an outage', () => {
    expect(isDatabaseUnavailable(pgError('23503'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(new BadRequestException())).toBe(false);
    expect(replyFor(filter, new Error('boom')).status).toBe(500);
    expect(replyFor(filter, pgError('23505')).status).toBe(409);
  });
});
