import { demoUser } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

// Its own file: Passport strategies are process-wide, so each file boots one app at a time.
describe('sign-in throttling', () => {
  let slow: TestApp;
  beforeAll(async () => {
    slow = await createTestApp({
      config: { LOGIN_FAILURE_DELAY_MS: '150', LOGIN_MAX_FAILURES: '10' },
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
});
