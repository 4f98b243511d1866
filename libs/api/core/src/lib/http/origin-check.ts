import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface OriginCheckOptions {
  /** Route patterns (Fastify's `routeOptions.url`) that a cookie authenticates. */
  routes: string[];
  /** Extra origin allowed besides the server's own (APP_ORIGIN, when the client is served elsewhere). */
  appOrigin?: string;
}

/** The origin the request was addressed to, as the browser saw it (proxy headers are trusted). */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Why a request to a cookie-authenticated route is refused, or null when it may pass.
 *
 * CSRF defence in depth (docs/adr/0009-csrf-and-cors.md): the refresh cookie is SameSite=Strict,
 * and on top of that a browser request must come from our own origin. Browsers send `Origin` on
 * every cross-origin POST (and on same-origin fetch POSTs); `Sec-Fetch-Site` is the fallback when
 * a browser omits `Origin`. A request with neither header is not a browser acting on a foreign page
 * (scripts and server-to-server calls hold no victim's cookie), so it passes.
 */
export function refusedOrigin(
  request: FastifyRequest,
  appOrigin: string | undefined,
): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const allowed = [ownOrigin(request), ...(appOrigin ? [appOrigin] : [])];
    return allowed.includes(origin) ? null : 'origin';
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'sec-fetch-site';
  return null;
}

/** Refuses (403) cross-site requests to the cookie-authenticated routes. */
export function registerOriginCheck(fastify: FastifyInstance, options: OriginCheckOptions): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions?.url;
    if (!route || !options.routes.includes(route)) return done();
    const refused = refusedOrigin(request, options.appOrigin);
    if (!refused) return done();
    void reply.status(403).send({
      statusCode: 403,
      code: 'CROSS_SITE_REQUEST',
      message:
        refused === 'origin'
          ? 'Header origin: this request came from another website and was refused. Open Tandem at its own address and try again.'
          : 'Header sec-fetch-site: this request came from another website and was refused. Open Tandem at its own address and try again.',
    });
  });
}
