// The load test's baseline: a bare Fastify + pg server that answers the same URLs by running
// exactly the SQL statements the real API sent for that user and endpoint (captured by the load
// tool through the API's own code), with the same parallelism and transactions — and nothing else
// (no Nest, no guards, no CASL, no validation, no serialisation of DTOs). Run by load.tool.ts:
//   DATABASE_URL=… CAPTURE_FILE=… [SKIP_ACCESS_LOG=1] node bare-server.cjs
// SKIP_ACCESS_LOG=1 leaves out the access-log INSERT: the difference is the log's own cost.
'use strict';
const fs = require('node:fs');
const fastify = require('fastify');
const { Pool } = require('pg');

const capture = JSON.parse(fs.readFileSync(process.env.CAPTURE_FILE, 'utf8'));
const skipLog = process.env.SKIP_ACCESS_LOG === '1';
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  options: '-c role=tandem_app',
  application_name: 'tandem-bare',
});

/** token → { templates: { [name]: { clientId, queries: [{ sql, params, client, after, idOut }] } } } */
const byToken = new Map(capture.users.map((u) => [u.token, u]));

async function replay(template, clientId) {
  const queries = template.queries.filter(
    (q) => !(skipLog && /^\s*INSERT INTO access_log/i.test(q.sql)),
  );
  const ids = new Map(); // captured returned id → id returned now
  if (clientId && template.clientId) ids.set(template.clientId, clientId);
  // A connection that ran a transaction is held from BEGIN to COMMIT, as the API holds it; every
  // other statement takes any pooled connection for just that statement, as pool.query does.
  const connections = new Map();
  const connection = (key) => {
    if (!template.transactional.includes(key)) return pool;
    if (!connections.has(key)) connections.set(key, pool.connect());
    return connections.get(key);
  };
  const done = [];
  let largest = [];
  try {
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i];
      const deps = q.after.filter((j) => j < i).map((j) => done[j]);
      done[i] = Promise.all(deps).then(async () => {
        const params = q.params.map((p) => (typeof p === 'string' && ids.has(p) ? ids.get(p) : p));
        const client = await connection(q.client);
        const result = await client.query(q.sql, params);
        if (/^\s*(COMMIT|ROLLBACK)/i.test(q.sql) && connections.has(q.client)) {
          const held = await connections.get(q.client);
          connections.delete(q.client);
          held.release();
        }
        if (q.idOut && result.rows?.[0]?.id) ids.set(q.idOut, result.rows[0].id);
        if ((result.rows?.length ?? 0) > largest.length) largest = result.rows;
      });
    }
    await Promise.all(done);
    return largest;
  } finally {
    for (const pending of connections.values()) (await pending).release();
  }
}

const app = fastify({ logger: false });
const handle = (name) => async (request, reply) => {
  const user = byToken.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
  const template = user?.templates[name];
  if (!template) return reply.status(404).send({ code: 'NOT_CAPTURED' });
  const rows = await replay(template, request.params.clientId);
  reply.status(template.status);
  return { items: rows };
};
app.get('/api/v1/caseload', handle('board'));
app.get('/api/v1/clients/:clientId', handle('client'));
app.get('/api/v1/clients/:clientId/notes', handle('notes'));
app.post('/api/v1/clients/:clientId/notes', handle('noteWrite'));
app.get('/api/v1/clients/:clientId/consents', handle('consents'));
app.get('/api/v1/me/access-log', handle('myAccessLog'));
app.get('/api/v1/me/consents', handle('myConsents'));

app.listen({ port: 0, host: '127.0.0.1' }).then(() => {
  process.stdout.write(`bare server listening on ${app.server.address().port}\n`);
});
process.on('SIGTERM', () => {
  app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
