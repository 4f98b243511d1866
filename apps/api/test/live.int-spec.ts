import { io, Socket } from 'socket.io-client';
import { DEMO_TEAMS, demoClients } from '@tandem/api-data-access';
import { createTestApp, TestApp } from './harness';

describe('live board updates over socket.io', () => {
  let t: TestApp;
  let base: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  const connect = (token?: string) =>
    new Promise<Socket>((resolve) => {
      const socket = io(`${base}/live`, {
        auth: token ? { token } : {},
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      socket.on('connect', () => resolve(socket));
      socket.on('connect_error', () => resolve(socket));
    });
  const watch = (socket: Socket, teamId: string) =>
    socket.timeout(2000).emitWithAck('board:watch', { teamId });
  const disconnected = (socket: Socket) =>
    new Promise<void>((resolve) =>
      socket.connected ? socket.once('disconnect', () => resolve()) : resolve(),
    );

  it('refuses a handshake without a valid token', async () => {
    const socket = await connect('not-a-token');
    await disconnected(socket);
    expect(socket.connected).toBe(false);
  });

  it('sends a board change to a team member within a second, as ids only', async () => {
    const socket = await connect(await t.tokenFor('regie'));
    expect(await watch(socket, DEMO_TEAMS.noord.id)).toEqual({ ok: true });
    const client = demoClients().find((c) => c.key === 'client-23')!;
    const [{ version }] = await t.db.query('SELECT version FROM clients WHERE id = $1', [
      client.id,
    ]);
    const received = new Promise<{ payload: unknown; at: number }>((resolve) =>
      socket.once('board:changed', (payload) => resolve({ payload, at: Date.now() })),
    );
    const sent = Date.now();
    const res = await t.request('PATCH', `/api/v1/clients/${client.id}/board`, {
      token: await t.tokenFor('keyworker'),
      body: { onBoard: true, boardReason: 'Vertrouwelijke reden', version },
    });
    expect(res.status).toBe(200);
    const event = await received;
    expect(event.at - sent).toBeLessThan(1000);
    expect(event.payload).toEqual({
      clientId: client.id,
      teamId: DEMO_TEAMS.noord.id,
      version: version + 1,
    });
    expect(JSON.stringify(event.payload)).not.toContain('Vertrouwelijke');
  });

  it('does not let someone outside the team join its board room', async () => {
    const km = await connect(await t.tokenFor('klantmanager'));
    expect(await watch(km, DEMO_TEAMS.noord.id)).toEqual({ ok: false, code: 'NOT_FOUND' });
    const zuid = await connect(await t.tokenFor('zuid-regie'));
    expect(await watch(zuid, DEMO_TEAMS.noord.id)).toEqual({ ok: false, code: 'NOT_FOUND' });
    const bad = await watch(zuid, 'not-a-uuid');
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('ends the socket at the next event once the session is signed out', async () => {
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'karim.benali@ggz-rivierenland.example', password: 'Tandem-demo-2026' },
    });
    const token = login.body.accessToken;
    const socket = await connect(token);
    expect(await watch(socket, DEMO_TEAMS.noord.id)).toEqual({ ok: true });
    await t.request('POST', '/api/v1/auth/logout', { token });
    const ended = new Promise<unknown>((resolve) => socket.once('session:ended', resolve));
    socket.emit('board:watch', { teamId: DEMO_TEAMS.noord.id });
    expect(await ended).toEqual({ code: 'SESSION_ENDED' });
    await disconnected(socket);
  });
});
