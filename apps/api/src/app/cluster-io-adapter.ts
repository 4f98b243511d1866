import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';

/**
 * socket.io across API instances through the PostgreSQL the instances already share (LISTEN /
 * NOTIFY, `@socket.io/postgres-adapter`): room broadcasts and server-side messages reach the
 * sockets of every instance. Feature gateways send only ids between instances; each instance
 * builds its own sockets' payloads (see the case-conference gateway).
 */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** The socket.io server type Nest's adapter uses (it ships its own copy of socket.io). */
type IoServer = ReturnType<IoAdapter['createIOServer']>;

export class ClusterIoAdapter extends IoAdapter {
  private readonly logger = new Logger('ClusterIoAdapter');
  private pool: Pool | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly databaseUrl: string,
    private readonly role?: string,
  ) {
    super(app);
  }

  override createIOServer(
    port: number,
    options?: Parameters<IoAdapter['createIOServer']>[1],
  ): IoServer {
    const server = super.createIOServer(port, options);
    this.pool = new Pool({
      connectionString: this.databaseUrl,
      max: 3,
      application_name: 'tandem-api-sockets',
      ...(this.role ? { options: `-c role=${this.role}` } : {}),
    });
    // A dropped connection (the LISTEN one is held outside the pool's idle handling) is
    // re-established by the adapter; its error must not end the process.
    this.pool.on('connect', (client) =>
      client.on('error', (error) =>
        this.logger.warn({
          msg: 'socket cluster connection lost',
          code: (error as { code?: string }).code,
        }),
      ),
    );
    this.pool.on('error', (error) =>
      this.logger.warn({
        msg: 'socket cluster connection lost',
        code: (error as { code?: string }).code,
      }),
    );
    server.adapter(
      createAdapter(this.pool, {
        errorHandler: (error) =>
          this.logger.warn({ msg: 'socket cluster error', kind: error.name }),
      }),
    );
    // Lets gateways know that server-side messages reach other instances.
    (server as IoServer & { tandemCluster?: boolean }).tandemCluster = true;
    return server;
  }

  /**
   * Nest closes each gateway's namespace; the first call closes the adapters of all namespaces
   * (which releases the LISTEN connection) and ends the pool. The adapter connects in the
   * background, so a shutdown right after start-up first waits briefly for that connection.
   */
  override async close(target: IoServer): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    if (pool) {
      const candidate = target as unknown as { of?: unknown; server?: IoServer };
      const io = typeof candidate.of === 'function' ? target : (candidate.server as IoServer);
      const pubsub = (io.of('/').adapter as unknown as { client?: { client?: unknown } }).client;
      for (let i = 0; i < 60 && pubsub && !pubsub.client; i++) await sleep(50);
      for (const nsp of io._nsps.values()) nsp.adapter.close();
      await super.close(target);
      await Promise.race([pool.end(), sleep(3000)]);
      return;
    }
    await super.close(target);
  }
}
