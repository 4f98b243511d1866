// Two API instances behind infra/proxy/haproxy.cfg (`npm run drill:proxy`; needs the `haproxy`
// binary, e.g. `apt-get install haproxy`, and `openssl`).
//
//  1. start a throwaway PostgreSQL, then two built API instances on it (production settings, one
//     shared JWT_SECRET), then HAProxy with the committed configuration (only the listening
//     addresses and the certificate are replaced by local ones);
//  2. through the proxy: readiness, HTTP→HTTPS redirect, sign-in (the cookie is Secure because the
//     proxy says the request was HTTPS), refresh from the own origin (allowed) and from another
//     site (403), an oversized body (413 at the proxy);
//  3. a socket.io client connected through the proxy (websocket upgrade) receives board changes
//     made on either instance (the PostgreSQL adapter), without sticky sessions;
//  4. one instance is stopped: requests through the proxy keep succeeding.
//
// Progress on stderr; with --json a report on stdout. Exit code 0 when every check passed.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { api, connect, removeDir, root, stepper, waitFor, workDir, drillReport } from './lib.mjs';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // the drill's own self-signed certificate

export async function proxyDrill({ keep = false } = {}) {
  const step = stepper();
  const { core, data } = api();
  const { io } = await import('socket.io-client');
  const dir = workDir('proxy-drill');
  const children = [];
  const cleanups = [];
  const started = Date.now();
  const { report, check } = drillReport(step, dir);
  const spawnLogged = (name, file, args, env) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = fs.createWriteStream(path.join(dir, `${name}.log`));
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    children.push(child);
    return child;
  };
  const stopChild = (child) =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });

    step('starting PostgreSQL, migrating and seeding');
    const pg = new core.EmbeddedPostgres({ dataDir: path.join(dir, 'postgres') });
    cleanups.push(() => pg.stop());
    await pg.start();
    await pg.ensureDatabase('tandem');
    const dbUrl = pg.connectionUrl('tandem');
    await data.runMigrations(dbUrl);
    const owner = await connect(dbUrl);
    cleanups.push(() => owner.destroy());
    await data.seedDemo(owner);

    step('starting two API instances');
    const secret = randomBytes(48).toString('base64');
    const ports = [await core.freePort(), await core.freePort()];
    const instances = ports.map((port, i) =>
      spawnLogged(`api${i + 1}`, process.execPath, [path.join(root, 'dist/apps/api/main.js')], {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: dbUrl,
        JWT_SECRET: secret,
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        TANDEM_DATA_DIR: path.join(dir, `data${i + 1}`),
      }),
    );
    for (const port of ports)
      await waitFor(
        `instance on ${port}`,
        () =>
          fetch(`http://127.0.0.1:${port}/api/ready`).then(
            (r) => r.ok,
            () => false,
          ),
        120_000,
      ).catch((error) => {
        const log = fs.readFileSync(path.join(dir, `api${ports.indexOf(port) + 1}.log`), 'utf8');
        throw new Error(`${error.message}; its log ends with:\n${log.slice(-1500)}`);
      });

    step('starting HAProxy with infra/proxy/haproxy.cfg');
    const [https, http] = [await core.freePort(), await core.freePort()];
    const pem = path.join(dir, 'tandem.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-days',
        '1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    fs.writeFileSync(
      pem,
      fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') +
        fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
    );
    const committed = fs.readFileSync(path.join(root, 'infra/proxy/haproxy.cfg'), 'utf8');
    const cfg = committed
      .replace(/bind :443 ssl crt \S+/, `bind 127.0.0.1:${https} ssl crt ${pem}`)
      .replace(/bind :80\b/, `bind 127.0.0.1:${http}`);
    if (cfg === committed || !cfg.includes(pem)) throw new Error('haproxy.cfg binds changed');
    fs.writeFileSync(path.join(dir, 'haproxy.cfg'), cfg);
    const haproxyEnv = {
      ...process.env,
      TANDEM_API1_ADDR: `127.0.0.1:${ports[0]}`,
      TANDEM_API2_ADDR: `127.0.0.1:${ports[1]}`,
    };
    execFileSync('haproxy', ['-c', '-q', '-f', path.join(dir, 'haproxy.cfg')], { env: haproxyEnv });
    spawnLogged('haproxy', 'haproxy', ['-db', '-f', path.join(dir, 'haproxy.cfg')], haproxyEnv);
    const base = `https://127.0.0.1:${https}`;
    await waitFor('the proxy', () =>
      fetch(`${base}/api/ready`).then(
        (r) => r.ok,
        () => false,
      ),
    );

    step('HTTP through the proxy');
    const redirect = await fetch(`http://127.0.0.1:${http}/api/ready`, { redirect: 'manual' });
    check('plain HTTP is redirected to HTTPS', redirect.status === 301, {
      status: redirect.status,
    });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({
        email: data.demoUser('keyworker').email,
        password: data.DEMO_PASSWORD,
      }),
    });
    const setCookie = login.headers.get('set-cookie') ?? '';
    const { accessToken } = await login.json();
    check(
      'sign-in through the proxy; the refresh cookie is Secure and SameSite=Strict',
      login.status === 200 && /Secure/i.test(setCookie) && /SameSite=Strict/i.test(setCookie),
      { status: login.status },
    );
    const cookie = setCookie.split(';')[0];
    const refresh = await fetch(`${base}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { cookie, origin: base },
    });
    check(
      'refresh from the own origin passes the CSRF check behind the proxy',
      refresh.status === 200,
      {
        status: refresh.status,
      },
    );
    const cookie2 = (refresh.headers.get('set-cookie') ?? '').split(';')[0];
    const forged = await fetch(`${base}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { cookie: cookie2, origin: 'https://evil.example' },
    });
    check('refresh from another site is refused', forged.status === 403, { status: forged.status });
    // Announce 5 MB and send only the headers: the proxy answers before the body arrives.
    const big = await new Promise((resolve) => {
      const req = httpsRequest(`${base}/api/v1/auth/login`, {
        method: 'POST',
        rejectUnauthorized: false,
        headers: { 'content-type': 'application/json', 'content-length': 5 * 1024 * 1024 },
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode });
        req.destroy();
      });
      req.on('error', () => resolve({ status: 0 }));
      req.flushHeaders();
    });
    check('a body over 4 MB is refused with 413', big.status === 413, { status: big.status });

    step('socket.io through the proxy, changes made on either instance');
    const socket = io(`${base}/live`, {
      auth: { token: accessToken },
      transports: ['websocket'],
      reconnection: false,
      rejectUnauthorized: false,
    });
    cleanups.push(() => socket.disconnect());
    await waitFor('the socket', () => socket.connected, 10_000).catch(() => false);
    const team = data.DEMO_TEAMS.noord.id;
    const watched = await socket.timeout(3000).emitWithAck('board:watch', { teamId: team });
    check('a websocket connects and joins a board room through the proxy', watched?.ok === true, {
      watched,
    });
    const client = data.demoClients().find((c) => c.key === 'client-23');
    const fanOut = [];
    for (const port of ports) {
      const [{ version }] = await owner.query('SELECT version FROM clients WHERE id = $1', [
        client.id,
      ]);
      const received = new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), 3000);
        socket.once('board:changed', (payload) => {
          clearTimeout(timer);
          resolve(payload);
        });
      });
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/clients/${client.id}/board`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({
          onBoard: true,
          boardReason: `Drill ${port}`,
          version,
        }),
      });
      const payload = await received;
      fanOut.push({
        instance: port,
        status: res.status,
        version: payload?.version ?? null,
        ...(res.ok ? {} : { error: (await res.json()).code }),
      });
    }
    check(
      'the proxied socket receives board changes made on both instances',
      fanOut.every((f) => f.status === 200 && f.version !== null),
      { fanOut },
    );
    socket.disconnect();

    step('stopping instance 1: requests through the proxy keep succeeding');
    await stopChild(instances[0]);
    const statuses = [];
    for (let i = 0; i < 20; i++) {
      const r = await fetch(`${base}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      statuses.push(r.status);
    }
    check(
      'every request after losing an instance succeeds',
      statuses.every((s) => s === 200),
      {
        statuses: [...new Set(statuses)],
      },
    );

    report.ok = Object.values(report.checks).every((c) => c.passed);
    report.seconds = (Date.now() - started) / 1000;
    step(report.ok ? 'proxy drill passed' : 'proxy drill FAILED');
    return report;
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    for (const cleanup of cleanups.reverse())
      await Promise.resolve(cleanup()).catch(() => undefined);
    if (!keep) removeDir(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  proxyDrill({ keep: args.includes('--keep') }).then(
    (report) => {
      if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
      process.exit(report.ok ? 0 : 1);
    },
    (error) => {
      process.stderr.write(`proxy drill failed: ${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
