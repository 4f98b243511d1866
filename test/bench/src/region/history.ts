import { createHash } from 'node:crypto';
import { prng, stableId } from '@tandem/demo-data';
import { Role } from '@tandem/domain';
import { bulkInsert } from './bulk';
import type { RegionGenerator } from './generators';
import { RegionClient, RegionPlan, daysBefore } from './plan';

/**
 * History for the region seed: sharing agreements, consents with their events, and the access log
 * as years of use would leave it (hash-chained exactly as the database trigger chains it).
 * With `consents` / `accessLogEntries` at 0 (the benchmark's default) these steps write nothing.
 */

const CATEGORIES = [
  'WORK_CAPACITY_SUMMARY',
  'PARTICIPATION_NOTES',
  'TREATMENT_GOALS_WORK',
  'CONFERENCE_IDENTITY',
] as const;
const CATEGORY_NL: Record<string, string> = {
  WORK_CAPACITY_SUMMARY: 'de samenvatting van mijn arbeidsmogelijkheden',
  PARTICIPATION_NOTES: 'de verslagen over werk en participatie',
  TREATMENT_GOALS_WORK: 'de behandeldoelen die over werk gaan',
  CONFERENCE_IDENTITY: 'mijn naam in het casusoverleg',
};
const PURPOSE_NL: Record<string, string> = {
  IPS_TRAJECT: 'mijn IPS-traject',
  UITKERING: 'mijn uitkering',
  CASUSOVERLEG: 'het casusoverleg',
  DRIEGESPREK: 'het driegesprek',
};

const agreementId = (plan: RegionPlan, provider: number, partner: string) =>
  stableId(`bench:${plan.options.seed}:agreement:${provider}:${partner}`);

/** One agreement per care provider and partner organisation (each municipality, UWV). */
export const sharingAgreements: RegionGenerator = {
  name: 'sharing_agreements',
  async generate({ db, plan }) {
    if (plan.options.consents <= 0) return 0;
    const partners = [...plan.municipalities, plan.uwv];
    const rows = plan.providers.flatMap((p, i) =>
      partners.map((o) => ({
        id: agreementId(plan, i, o.id),
        name: `Convenant ${p.name} – ${o.name}`,
        parties: `{${p.id},${o.id}}`,
      })),
    );
    const from = daysBefore(plan.options.referenceDate, 365 * plan.options.years + 30);
    return bulkInsert(db, 'sharing_agreements', [
      { name: 'id', type: 'uuid', values: rows.map((r) => r.id) },
      { name: 'name', type: 'text', values: rows.map((r) => r.name) },
      {
        name: 'legal_basis',
        type: 'text',
        values: rows.map(() => 'Toestemming cliënt (AVG art. 9 lid 2a), Participatiewet art. 64'),
      },
      {
        name: 'party_ids',
        type: 'text',
        values: rows.map((r) => r.parties),
        expr: (v) => `${v}::uuid[]`,
      },
      {
        name: 'categories',
        type: 'text',
        values: rows.map(() => `{${CATEGORIES.join(',')}}`),
        expr: (v) => `${v}::text[]`,
      },
      { name: 'valid_from', type: 'date', values: rows.map(() => from) },
      { name: 'valid_until', type: 'date', values: rows.map(() => '2031-12-31') },
    ]);
  },
};

const addDays = (date: string, days: number) => daysBefore(date, -days);

/**
 * Consents over the history, with a realistic mix: mostly given (some of them expired by now),
 * revoked, refused, and open requests; recipients are the client's municipality or UWV, as an
 * organisation, a role or a named person; purposes IPS, benefit, case conference, three-way talk.
 * Each consent gets its events (REQUESTED, GIVEN/REFUSED, RENEWED, REVOKED) as the API writes them.
 */
export const consents: RegionGenerator = {
  name: 'consents',
  async generate({ db, plan, log }) {
    const total = plan.options.consents;
    if (total <= 0) return 0;
    const rnd = prng(plan.options.seed + 11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    const ref = plan.options.referenceDate;
    const historyDays = 365 * plan.options.years;
    const providerIndex = new Map(plan.providers.map((p, i) => [p.id, i]));
    const c: Record<string, unknown[]> = {};
    const col = (name: string) => (c[name] ??= []);
    const events: { consent: string; event: string; actor: string | null; at: string }[] = [];

    for (let n = 0; n < total; n++) {
      const client: RegionClient = plan.clients[Math.floor(rnd() * plan.clients.length)];
      const team = plan.teams[client.teamIndex];
      const toUwv = rnd() < 0.3;
      const org = toUwv ? plan.uwv : plan.municipalities[team.municipality];
      const partnerUser = toUwv ? client.arbeidsdeskundige : client.klantmanager;
      const r = rnd();
      const recipientType =
        r < 0.65 ? 'ORGANISATION' : r < 0.85 || partnerUser === null ? 'ROLE' : 'PERSON';
      const purpose = toUwv
        ? pick(['UITKERING', 'UITKERING', 'DRIEGESPREK', 'CASUSOVERLEG'])
        : pick(['IPS_TRAJECT', 'IPS_TRAJECT', 'UITKERING', 'CASUSOVERLEG', 'DRIEGESPREK']);
      const categories = CATEGORIES.filter(
        (cat, i) =>
          i === Math.floor(rnd() * 4) || rnd() < (cat === 'CONFERENCE_IDENTITY' ? 0.2 : 0.35),
      );
      if (!categories.length) categories.push('PARTICIPATION_NOTES');
      const s = rnd();
      const status = s < 0.62 ? 'GIVEN' : s < 0.8 ? 'REVOKED' : s < 0.88 ? 'REFUSED' : 'REQUESTED';
      // Requested at some day in the history; open requests are recent.
      const requestedAgo =
        status === 'REQUESTED'
          ? Math.floor(rnd() * 45)
          : 20 + Math.floor(rnd() * (historyDays - 20));
      const requestedOn = daysBefore(ref, requestedAgo);
      const validFrom = addDays(requestedOn, Math.floor(rnd() * 7));
      const validUntil = addDays(validFrom, rnd() < 0.8 ? 365 : 730);
      const careUser = plan.users[rnd() < 0.6 ? client.keyWorker : client.regie];
      // Partners ask (open requests, and some of the others); care staff record what was signed.
      const requester =
        (status === 'REQUESTED' || rnd() < 0.3) && partnerUser !== null
          ? plan.users[partnerUser]
          : careUser;
      const id = stableId(`bench:${plan.options.seed}:consent:${n}`);
      const recipientName =
        recipientType === 'ORGANISATION'
          ? org.name
          : recipientType === 'ROLE'
            ? `${toUwv ? 'arbeidsdeskundige' : 'klantmanager'} van ${org.name}`
            : `een met naam genoemde medewerker van ${org.name}`;
      const recordedAt = `${validFrom}T10:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00Z`;
      const given = status === 'GIVEN' || status === 'REVOKED';
      const revokedOn =
        status === 'REVOKED'
          ? addDays(validFrom, Math.min(Math.floor(rnd() * 300) + 1, requestedAgo))
          : null;
      col('id').push(id);
      col('client_id').push(client.id);
      col('recipient_type').push(recipientType);
      col('recipient_organisation_id').push(org.id);
      col('recipient_role').push(
        recipientType === 'ROLE' ? (toUwv ? Role.ARBEIDSDESKUNDIGE : Role.KLANTMANAGER) : null,
      );
      col('recipient_user_id').push(
        recipientType === 'PERSON' && partnerUser !== null ? plan.users[partnerUser].id : null,
      );
      col('purpose').push(purpose);
      col('categories').push(`{${categories.join(',')}}`);
      col('status').push(status);
      col('text_shown').push(
        `Ik geef ${recipientName} toestemming om ${categories.map((x) => CATEGORY_NL[x]).join(', ')} te gebruiken voor ${PURPOSE_NL[purpose]}. ` +
          `Deze toestemming geldt van ${validFrom} tot en met ${validUntil}. Ik kan haar altijd intrekken.`,
      );
      col('method').push(
        given
          ? client.account !== null && rnd() < 0.4
            ? 'PASSPORT_CONFIRMATION'
            : 'SIGNED_FORM'
          : null,
      );
      col('situation').push(rnd() < 0.9 ? 'REGULAR' : 'INTAKE');
      col('agreement_id').push(
        agreementId(plan, providerIndex.get(team.organisationId) ?? 0, org.id),
      );
      col('valid_from').push(validFrom);
      col('valid_until').push(validUntil);
      col('requested_by').push(requester.id);
      col('requested_at').push(`${requestedOn}T09:30:00Z`);
      col('recorded_by').push(given ? careUser.id : null);
      col('recorded_at').push(given ? recordedAt : null);
      col('revoked_by').push(revokedOn ? careUser.id : null);
      col('revoked_at').push(revokedOn ? `${revokedOn}T14:00:00Z` : null);
      col('revoke_reason').push(revokedOn ? 'Cliënt trekt toestemming in' : null);
      col('version').push(
        1 + (given ? 1 : 0) + (status === 'REFUSED' ? 1 : 0) + (revokedOn ? 1 : 0),
      );
      events.push({
        consent: id,
        event: 'REQUESTED',
        actor: requester.id,
        at: `${requestedOn}T09:30:00Z`,
      });
      if (given) events.push({ consent: id, event: 'GIVEN', actor: careUser.id, at: recordedAt });
      if (status === 'REFUSED')
        events.push({ consent: id, event: 'REFUSED', actor: null, at: recordedAt });
      if (revokedOn)
        events.push({
          consent: id,
          event: 'REVOKED',
          actor: careUser.id,
          at: `${revokedOn}T14:00:00Z`,
        });
    }
    const types: Record<string, string> = {
      id: 'uuid',
      client_id: 'uuid',
      recipient_organisation_id: 'uuid',
      recipient_user_id: 'uuid',
      agreement_id: 'uuid',
      requested_by: 'uuid',
      recorded_by: 'uuid',
      revoked_by: 'uuid',
      valid_from: 'date',
      valid_until: 'date',
      requested_at: 'timestamptz',
      recorded_at: 'timestamptz',
      revoked_at: 'timestamptz',
      version: 'int',
    };
    const rows = await bulkInsert(
      db,
      'consents',
      Object.entries(c).map(([name, values]) => ({
        name,
        type: types[name] ?? 'text',
        values,
        ...(name === 'categories' ? { expr: (v: string) => `${v}::text[]` } : {}),
      })),
      10_000,
    );
    log(`consents: ${rows} consents; writing ${events.length} consent events`);
    await bulkInsert(db, 'consent_events', [
      { name: 'consent_id', type: 'uuid', values: events.map((e) => e.consent) },
      { name: 'event', type: 'text', values: events.map((e) => e.event) },
      { name: 'actor_id', type: 'uuid', values: events.map((e) => e.actor) },
      { name: 'at', type: 'timestamptz', values: events.map((e) => e.at) },
    ]);
    return rows;
  },
};

/**
 * The text the database hashes for an access-log entry: `tandem_access_log_canonical` in the
 * consent-and-access-log migration (concat_ws skips NULLs; timestamps in UTC with microseconds;
 * booleans as t/f). `verify-log` and the seed's own check recompute it in SQL, so a difference
 * here shows up as a broken chain, never silently.
 */
export interface SeedLogEntry {
  id: number;
  at: string; // ISO, millisecond precision, UTC
  userId: string;
  userRole: string;
  organisationId: string;
  clientId: string | null;
  clientIds: string | null; // comma-separated
  objectType: string;
  objectId: string | null;
  action: string;
  outcome: 'ALLOWED' | 'DENIED';
  basis: string;
  emergency: boolean;
  route: string;
  ip: string;
  userAgent: string;
  sessionId: string;
  details: string; // jsonb text as PostgreSQL prints it
  prevHash: string;
}

export function canonicalEntry(e: SeedLogEntry): string {
  const at = `${e.at.slice(0, 23)}000Z`;
  return [
    String(e.id),
    at,
    e.userId,
    e.userRole,
    e.organisationId,
    null, // on_behalf_of
    e.clientId,
    e.clientIds,
    e.objectType,
    e.objectId,
    e.action,
    e.outcome,
    e.basis,
    null, // consent_ids
    e.emergency ? 't' : 'f',
    'HTTP',
    e.route,
    e.ip,
    e.userAgent,
    e.sessionId,
    e.details,
    e.prevHash,
  ]
    .filter((v) => v !== null)
    .join('|');
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
];

/**
 * Access-log history: board reads (with the page's client ids), note lists and notes read and
 * written, client files and consent lists, a few refusals — by the client's own care team and
 * partners, on working days over the history. Written with the chain trigger switched off inside
 * this transaction and the hashes computed here exactly as the trigger computes them (then checked
 * in SQL, see `verifyAccessLog`): a million trigger calls would take many minutes, and the trigger
 * stamps every entry with the current time, which would leave no history.
 */
export const accessLog: RegionGenerator = {
  name: 'access_log',
  async generate({ db, plan, log }) {
    const total = plan.options.accessLogEntries;
    if (total <= 0) return 0;
    const rnd = prng(plan.options.seed + 13);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    const seed = plan.options.seed;
    const refMs = Date.parse(`${plan.options.referenceDate}T00:00:00Z`);
    const historyDays = 365 * plan.options.years;

    // Continue an existing chain (the seed is meant for an empty log, but never breaks one).
    const [last] = await db.query(
      'SELECT id::int AS id, hash FROM access_log ORDER BY id DESC LIMIT 1',
    );
    let id: number = last?.id ?? 0;
    let prevHash: string = last?.hash ?? 'GENESIS';

    const teamClients = plan.teams.map((t) => plan.clients.filter((c) => c.teamIndex === t.index));
    const sessions = plan.users.map((u) =>
      Array.from({ length: 4 }, (_, k) => stableId(`bench:${seed}:session:${u.key}:${k}`)),
    );

    // Times first, sorted: the chain runs in time order as the trigger would have written it.
    const times = new Float64Array(total);
    for (let i = 0; i < total; i++) {
      let day = Math.floor(rnd() * historyDays) + 1;
      const weekday = new Date(refMs - day * 86_400_000).getUTCDay();
      if ((weekday === 0 || weekday === 6) && rnd() < 0.85) day += weekday === 0 ? 2 : 1;
      times[i] =
        refMs -
        day * 86_400_000 +
        (7 * 60 + Math.floor(rnd() * 11 * 60)) * 60_000 +
        Math.floor(rnd() * 60_000);
    }
    times.sort();

    const cols = {
      id: [] as number[],
      at: [] as string[],
      user_id: [] as string[],
      user_role: [] as string[],
      organisation_id: [] as string[],
      client_id: [] as (string | null)[],
      client_ids: [] as (string | null)[],
      object_type: [] as string[],
      object_id: [] as (string | null)[],
      action: [] as string[],
      outcome: [] as string[],
      basis: [] as string[],
      route: [] as string[],
      ip: [] as string[],
      user_agent: [] as string[],
      session_id: [] as string[],
      details: [] as string[],
      prev_hash: [] as string[],
      hash: [] as string[],
    };
    let insertMs = 0;
    const flush = async () => {
      const n = cols.id.length;
      if (!n) return;
      const t0 = performance.now();
      await bulkInsert(
        db,
        'access_log',
        [
          { name: 'id', type: 'bigint', values: cols.id },
          { name: 'at', type: 'timestamptz', values: cols.at },
          { name: 'user_id', type: 'uuid', values: cols.user_id },
          { name: 'user_role', type: 'text', values: cols.user_role },
          { name: 'organisation_id', type: 'uuid', values: cols.organisation_id },
          { name: 'client_id', type: 'uuid', values: cols.client_id },
          {
            name: 'client_ids',
            type: 'text',
            values: cols.client_ids,
            expr: (v) => `string_to_array(${v}, ',')::uuid[]`,
          },
          { name: 'object_type', type: 'text', values: cols.object_type },
          { name: 'object_id', type: 'text', values: cols.object_id },
          { name: 'action', type: 'text', values: cols.action },
          { name: 'outcome', type: 'text', values: cols.outcome },
          { name: 'basis', type: 'text', values: cols.basis },
          { name: 'channel', type: 'text', values: cols.id.map(() => 'HTTP') },
          { name: 'route', type: 'text', values: cols.route },
          { name: 'ip', type: 'text', values: cols.ip },
          { name: 'user_agent', type: 'text', values: cols.user_agent },
          { name: 'session_id', type: 'uuid', values: cols.session_id },
          { name: 'details', type: 'text', values: cols.details, expr: (v) => `${v}::jsonb` },
          { name: 'prev_hash', type: 'text', values: cols.prev_hash },
          { name: 'hash', type: 'text', values: cols.hash },
        ],
        n,
      );
      for (const list of Object.values(cols)) list.length = 0;
      insertMs += performance.now() - t0;
    };

    // Bulk load: without the secondary indexes (rebuilt afterwards from their own definitions)
    // and without the chain trigger (its work is done above, in insertion order).
    const indexes: { name: string; def: string }[] = await db.query(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename = 'access_log' AND indexname <> 'access_log_pkey'`,
    );
    for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
    await db.query('ALTER TABLE access_log DISABLE TRIGGER access_log_chain');
    for (let i = 0; i < total; i++) {
      const client = plan.clients[Math.floor(rnd() * plan.clients.length)];
      const team = plan.staff[client.teamIndex];
      const r = rnd();
      // Who: mostly the client's own care team; partners for participation data.
      const userIndex =
        r < 0.3
          ? client.keyWorker
          : r < 0.45
            ? client.regie
            : r < 0.6
              ? pick(team.spv)
              : r < 0.68
                ? team.peer
                : r < 0.8
                  ? (client.ips ?? pick(team.ips))
                  : r < 0.93
                    ? (client.klantmanager ?? client.keyWorker)
                    : (client.arbeidsdeskundige ?? client.keyWorker);
      const user = plan.users[userIndex];
      const care = user.teamId !== null && user.role !== Role.IPS_TRAJECTBEGELEIDER;
      const k = rnd();
      let entry: Omit<
        SeedLogEntry,
        | 'id'
        | 'at'
        | 'userId'
        | 'userRole'
        | 'organisationId'
        | 'ip'
        | 'userAgent'
        | 'sessionId'
        | 'prevHash'
        | 'emergency'
      >;
      if (k < 0.22 && user.teamId) {
        const clients = teamClients[client.teamIndex];
        const start = Math.floor(rnd() * (clients.length - 25));
        entry = {
          clientId: null,
          clientIds: clients
            .slice(start, start + 25)
            .map((c) => c.id)
            .join(','),
          objectType: 'Caseload',
          objectId: null,
          action: 'READ',
          outcome: 'ALLOWED',
          basis: 'TEAM_MEMBERSHIP',
          route: '/api/v1/caseload',
          details: '{"count": 25}',
        };
      } else if (k < 0.6) {
        entry = {
          clientId: client.id,
          clientIds: null,
          objectType: 'Note',
          objectId: null,
          action: 'READ',
          outcome: 'ALLOWED',
          basis: care ? 'TREATMENT_RELATIONSHIP' : 'CONSENT',
          route: '/api/v1/clients/:clientId/notes',
          details: `{"count": ${1 + Math.floor(rnd() * 25)}}`,
        };
      } else if (k < 0.72) {
        entry = {
          clientId: client.id,
          clientIds: null,
          objectType: 'Note',
          objectId: stableId(`bench:${seed}:log-note:${i}`),
          action: 'CREATE',
          outcome: 'ALLOWED',
          basis: care ? 'TREATMENT_RELATIONSHIP' : 'TEAM_MEMBERSHIP',
          route: '/api/v1/clients/:clientId/notes',
          details: '{}',
        };
      } else if (k < 0.88) {
        entry = {
          clientId: client.id,
          clientIds: null,
          objectType: 'Client',
          objectId: client.id,
          action: 'READ',
          outcome: 'ALLOWED',
          basis: care ? 'TREATMENT_RELATIONSHIP' : 'TEAM_MEMBERSHIP',
          route: '/api/v1/clients/:clientId',
          details: '{}',
        };
      } else if (k < 0.985) {
        entry = {
          clientId: client.id,
          clientIds: null,
          objectType: 'Consent',
          objectId: null,
          action: 'READ',
          outcome: 'ALLOWED',
          basis: care ? 'TREATMENT_RELATIONSHIP' : 'OWN_DATA',
          route: '/api/v1/clients/:clientId/consents',
          details: '{}',
        };
      } else {
        entry = {
          clientId: client.id,
          clientIds: null,
          objectType: 'Note',
          objectId: null,
          action: 'READ',
          outcome: 'DENIED',
          basis: 'NONE',
          route: '/api/v1/clients/:clientId/notes/:noteId',
          details: '{"status": 404}',
        };
      }
      id++;
      const full: SeedLogEntry = {
        ...entry,
        id,
        at: new Date(times[i]).toISOString(),
        userId: user.id,
        userRole: user.role,
        organisationId: user.organisationId,
        emergency: false,
        ip: `10.${20 + (userIndex % 8)}.${(userIndex >> 3) % 250}.${10 + (userIndex % 200)}`,
        userAgent: USER_AGENTS[userIndex % USER_AGENTS.length],
        sessionId: sessions[userIndex][Math.floor(times[i] / (86_400_000 * 90)) % 4],
        prevHash,
      };
      const hash = createHash('sha256').update(canonicalEntry(full), 'utf8').digest('hex');
      cols.id.push(full.id);
      cols.at.push(full.at);
      cols.user_id.push(full.userId);
      cols.user_role.push(full.userRole);
      cols.organisation_id.push(full.organisationId);
      cols.client_id.push(full.clientId);
      cols.client_ids.push(full.clientIds);
      cols.object_type.push(full.objectType);
      cols.object_id.push(full.objectId);
      cols.action.push(full.action);
      cols.outcome.push(full.outcome);
      cols.basis.push(full.basis);
      cols.route.push(full.route);
      cols.ip.push(full.ip);
      cols.user_agent.push(full.userAgent);
      cols.session_id.push(full.sessionId);
      cols.details.push(full.details);
      cols.prev_hash.push(prevHash);
      cols.hash.push(hash);
      prevHash = hash;
      if (cols.id.length === 10_000) {
        await flush();
        if ((i + 1) % 100_000 === 0) log(`access_log: ${i + 1} / ${total}`);
      }
    }
    await flush();
    await db.query('ALTER TABLE access_log ENABLE TRIGGER access_log_chain');
    log(
      `access_log: ${(insertMs / 1000).toFixed(1)} s of it in INSERTs; rebuilding ${indexes.length} indexes`,
    );
    for (const index of indexes) await db.query(index.def);
    await db.query(`SELECT setval(pg_get_serial_sequence('access_log', 'id'), $1::bigint)`, [id]);
    return total;
  },
};
