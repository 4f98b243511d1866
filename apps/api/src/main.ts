import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, JsonLogger, loadConfig } from '@tandem/api-core';
import { createApp, prepareDatabase, resolveDatabase, resolveJwtSecret } from './app/bootstrap';
import { tell, warn } from './cli/terminal';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      warn(`Tandem cannot start. ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = new JsonLogger(config.LOG_LEVEL);
  config.JWT_SECRET = resolveJwtSecret(config);
  const database = await resolveDatabase(config, logger);

  let shuttingDown = false;
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.log({ msg: 'shutting down', signal }, 'main');
    const timer = setTimeout(() => {
      logger.error({ msg: 'shutdown took too long; forcing exit' }, undefined, 'main');
      process.exit(1);
    }, 15_000);
    try {
      // Stops accepting connections, lets open requests finish, closes sockets and the pool.
      if (app) await app.close();
      if (database.embedded) await database.embedded.stop();
      logger.log({ msg: 'stopped cleanly' }, 'main');
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await prepareDatabase(database.url, config.SEED_DEMO, logger);
    const webDist = config.WEB_DIST_DIR ?? path.resolve(__dirname, '../../../../web');
    app = await createApp(config, database.url, { logger, webDistDir: webDist });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    logger.log({ msg: 'listening', url: `http://${host}:${port}/` }, 'main');
    tell(
      `\n  Tandem is running at http://${host}:${port}/  (API docs: http://${host}:${port}/api/docs)\n  Press Ctrl-C to stop.\n`,
    );
  } catch (error) {
    logger.error(
      { msg: 'start-up failed', error: error instanceof Error ? error.message : String(error) },
      undefined,
      'main',
    );
    if (app) await app.close().catch(() => undefined);
    if (database.embedded) await database.embedded.stop();
    process.exit(1);
  }
}

void main();
