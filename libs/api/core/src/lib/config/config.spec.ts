import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('accepts an empty environment with safe defaults (embedded database)', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.SEED_DEMO).toBe(true);
  });

  it('reads numbers and booleans from strings', () => {
    const config = loadConfig({
      PORT: '8080',
      SEED_DEMO: 'false',
      DATABASE_URL: 'postgres://a:b@db:5432/tandem',
    });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.DATABASE_URL).toBe('postgres://a:b@db:5432/tandem');
  });

  it('stops on a malformed port and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: .*whole number/);
  });

  it('stops on a malformed DATABASE_URL without echoing the secret value', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/tandem' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(
      /DATABASE_URL: DATABASE_URL must look like postgres:\/\//,
    );
    expect(String((error as Error).message)).not.toContain('hunter2');
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET: .*32 characters/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).JWT_SECRET,
    ).toHaveLength(40);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', SEED_DEMO: 'maybe', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const names = (e as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      expect(names).toEqual(['LOG_LEVEL', 'PORT', 'SEED_DEMO']);
    }
  });
});
