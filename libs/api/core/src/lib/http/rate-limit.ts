import type { FastifyInstance } from 'fastify';

export interface RateLimitRule {
  /** Route patterns (Fastify's `routeOptions.url`) this rule applies to. */
  routes: string[];
  max: number;
  windowMs: number;
}

/**
 * A small per-address, per-route sliding-window limiter for the public routes (sign-in, refresh).
 * In memory, per instance: with several instances behind a proxy the effective limit multiplies;
 * the account lockout (in the database) is the shared defence against password guessing.
 */
export function registerRateLimits(fastify: FastifyInstance, rules: RateLimitRule[]): void {
  const hits = new Map<string, number[]>();
  const timer = setInterval(() => {
    const now = Date.now();
    for (const [key, times] of hits)
      if (!times.some((t) => now - t < 15 * 60_000)) hits.delete(key);
  }, 60_000);
  timer.unref();
  fastify.addHook('onClose', (_instance, done) => {
    clearInterval(timer);
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions?.url;
    const rule = route ? rules.find((r) => r.routes.includes(route)) : undefined;
    if (!rule) return done();
    const key = `${route}|${request.ip}`;
    const now = Date.now();
    const recent = (hits.get(key) ?? []).filter((t) => now - t < rule.windowMs);
    if (recent.length >= rule.max) {
      const retryAfter = Math.max(1, Math.ceil((recent[0] + rule.windowMs - now) / 1000));
      void reply
        .status(429)
        .header('retry-after', String(retryAfter))
        .send({
          statusCode: 429,
          code: 'TOO_MANY_REQUESTS',
          message: `Too many attempts from your address. Wait ${retryAfter} seconds and try again.`,
          retryAfterSeconds: retryAfter,
        });
      return;
    }
    recent.push(now);
    hits.set(key, recent);
    done();
  });
}
