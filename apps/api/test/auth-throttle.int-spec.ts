import { demoUser } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

// Its own file: Passport strategies are process-wide, so each file boots one app at a time.
describe('sign-in throttling', () => {
  let slow: TestApp;
  beforeAll(async () => {
    slow = await createTestApp({
      config: {
        LOGIN_FAILURE_DELAY_MS: '150',
        LOGIN_MAX_FAILURES: '10',
        RATE_LIMIT_LOGIN_PER_MINUTE: '6',
      },
    });
  });
  afterAll(() => slow.close());

  it('slows down each failed attempt', async () => {
    const email = demoUser('ips').email;
    const started = Date.now();
    await slow.request('POST', '/api/v1/auth/login', { body: { email, password: 'x' } });
    await slow.request('POST', '/api/v1/auth/login', { body: { email, password: 'y' } });
    // 150 ms after the first failure, 300 ms after the second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('rate-limits sign-in attempts per address with 429 and Retry-After', async () => {
    const email = demoUser('psychiater').email;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await slow.request('POST', '/api/v1/auth/login', {
            body: { email, password: 'Tandem-demo-2026' },
          })
        ).status,
      );
    // Two attempts were used by the previous test: four more are allowed in this minute.
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    const limited = await slow.request('POST', '/api/v1/auth/login', {
      body: { email, password: 'Tandem-demo-2026' },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.message).toMatch(/Wait \d+ seconds/);
  });
});
