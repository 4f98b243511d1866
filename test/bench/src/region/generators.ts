import { prng } from '@tandem/demo-data';
import { RecordDomain } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk';
import { NOTE_DOMAINS, RegionClient, RegionPlan, TEAM_TYPE, daysBefore } from './plan';
import { NOTE_SENTENCES, NOTE_TITLES } from './vocabulary';
import { accessLog, consents, sharingAgreements } from './history';

export interface GeneratorContext {
  db: EntityManager;
  plan: RegionPlan;
  /** One argon2id hash, shared by every generated account (hashing per user would take minutes). */
  passwordHash: string;
  log: (message: string) => void;
}

/**
 * One step of the region generator. Steps run in order inside one transaction; each returns the
 * number of rows it wrote. Later steps (consents, access log, ...) are added to REGION_GENERATORS.
 */
export interface RegionGenerator {
  name: string;
  generate(ctx: GeneratorContext): Promise<number>;
}

const organisations: RegionGenerator = {
  name: 'organisations',
  generate: ({ db, plan }) => {
    const orgs = [...plan.providers, ...plan.municipalities, plan.uwv];
    return bulkInsert(db, 'organisations', [
      { name: 'id', type: 'uuid', values: orgs.map((o) => o.id) },
      { name: 'name', type: 'text', values: orgs.map((o) => o.name) },
      { name: 'type', type: 'text', values: orgs.map((o) => o.type) },
    ]);
  },
};

const teams: RegionGenerator = {
  name: 'teams',
  generate: ({ db, plan }) =>
    bulkInsert(db, 'teams', [
      { name: 'id', type: 'uuid', values: plan.teams.map((t) => t.id) },
      { name: 'organisation_id', type: 'uuid', values: plan.teams.map((t) => t.organisationId) },
      { name: 'name', type: 'text', values: plan.teams.map((t) => t.name) },
      { name: 'type', type: 'text', values: plan.teams.map(() => TEAM_TYPE) },
      {
        name: 'peer_treatment_access',
        type: 'boolean',
        values: plan.teams.map((t) => t.peerTreatmentAccess),
      },
    ]),
};

const clients: RegionGenerator = {
  name: 'clients',
  generate: ({ db, plan }) => {
    const c = plan.clients;
    return bulkInsert(db, 'clients', [
      { name: 'id', type: 'uuid', values: c.map((x) => x.id) },
      { name: 'team_id', type: 'uuid', values: c.map((x) => x.teamId) },
      { name: 'first_name', type: 'text', values: c.map((x) => x.firstName) },
      { name: 'last_name', type: 'text', values: c.map((x) => x.lastName) },
      { name: 'date_of_birth', type: 'date', values: c.map((x) => x.dateOfBirth) },
      { name: 'pseudonym', type: 'text', values: c.map((x) => x.pseudonym) },
      { name: 'diagnosis', type: 'text', values: c.map((x) => x.diagnosis) },
      { name: 'on_board', type: 'boolean', values: c.map((x) => x.onBoard) },
      { name: 'board_reason', type: 'text', values: c.map((x) => x.boardReason) },
      { name: 'board_since', type: 'timestamptz', values: c.map((x) => x.boardSince) },
      { name: 'next_contact_on', type: 'date', values: c.map((x) => x.nextContactOn) },
    ]);
  },
};

const users: RegionGenerator = {
  name: 'users',
  generate: ({ db, plan, passwordHash }) => {
    const u = plan.users;
    return bulkInsert(db, 'users', [
      { name: 'id', type: 'uuid', values: u.map((x) => x.id) },
      { name: 'organisation_id', type: 'uuid', values: u.map((x) => x.organisationId) },
      { name: 'email', type: 'text', values: u.map((x) => x.email) },
      { name: 'display_name', type: 'text', values: u.map((x) => x.displayName) },
      { name: 'password_hash', type: 'text', values: u.map(() => passwordHash) },
      { name: 'roles', type: 'text', values: u.map((x) => x.role), expr: (v) => `ARRAY[${v}]` },
      { name: 'client_id', type: 'uuid', values: u.map((x) => x.clientId) },
    ]);
  },
};

const teamMembers: RegionGenerator = {
  name: 'team_members',
  generate: ({ db, plan }) => {
    const members = plan.users.filter((u) => u.teamId);
    return bulkInsert(db, 'team_members', [
      { name: 'team_id', type: 'uuid', values: members.map((m) => m.teamId) },
      { name: 'user_id', type: 'uuid', values: members.map((m) => m.id) },
      { name: 'role', type: 'text', values: members.map((m) => m.role) },
    ]);
  },
};

const assignments: RegionGenerator = {
  name: 'client_assignments',
  generate: ({ db, plan }) => {
    const a = plan.assignments;
    return bulkInsert(db, 'client_assignments', [
      { name: 'id', type: 'uuid', values: a.map((x) => x.id) },
      { name: 'client_id', type: 'uuid', values: a.map((x) => x.clientId) },
      { name: 'user_id', type: 'uuid', values: a.map((x) => x.userId) },
      { name: 'kind', type: 'text', values: a.map((x) => x.kind) },
      { name: 'started_at', type: 'timestamptz', values: a.map((x) => x.startedAt) },
      { name: 'ended_at', type: 'timestamptz', values: a.map((x) => x.endedAt) },
    ]);
  },
};

/** Flattens per-domain word lists into one array plus each domain's [offset, length]. */
function flatten(lists: Record<RecordDomain, string[]>) {
  const all: string[] = [];
  const ranges = new Map<RecordDomain, [number, number]>();
  for (const domain of NOTE_DOMAINS) {
    ranges.set(domain, [all.length, lists[domain].length]);
    all.push(...lists[domain]);
  }
  return { all, ranges };
}

/** Domain mix per note: ~60% treatment, ~30% participation, the rest Wmo, work capacity and client. */
function pickDomain(r: number, hasAccount: boolean): number {
  const cumulative = hasAccount ? [0.57, 0.85, 0.89, 0.9, 1] : [0.61, 0.92, 0.96, 1, 1];
  return cumulative.findIndex((p) => r < p);
}

/**
 * Notes (with their first revision, as the API writes them), spread over the years before the
 * reference date (`years`, 1 in the benchmark) and inserted in date order, so that a client's notes lie scattered over the table
 * as they do in production. Bodies are composed in SQL from sentence indexes: only integers travel.
 */
const notes: RegionGenerator = {
  name: 'notes',
  async generate({ db, plan, log }) {
    const { seed, scale } = plan.options;
    const { years } = plan.options;
    const total = Math.round(plan.options.notes * scale * years);
    const days = 365 * years;
    const rnd = prng(seed + 7);
    const pickFrom = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];

    // How many notes each client gets: uneven, between a quarter and 1.75 times the average.
    const weights = plan.clients.map(() => 0.25 + 1.5 * rnd());
    const sum = weights.reduce((a, b) => a + b, 0);
    const perClient = weights.map((w) => Math.floor((w / sum) * total));
    for (let i = 0, missing = total - perClient.reduce((a, b) => a + b, 0); missing > 0; i++) {
      perClient[i % perClient.length]++;
      missing--;
    }

    const titles = flatten(NOTE_TITLES);
    const sentences = flatten(NOTE_SENTENCES);
    const client = new Int32Array(total);
    const author = new Int32Array(total);
    const domain = new Uint8Array(total);
    const day = new Int16Array(total);
    const minute = new Int16Array(total);
    const title = new Int16Array(total);
    const s = [new Int16Array(total), new Int16Array(total), new Int16Array(total)];
    const s4 = new Int16Array(total); // 0 = no fourth sentence
    const shared = new Uint8Array(total);

    const authorFor = (c: RegionClient, d: RecordDomain): number => {
      const team = plan.staff[c.teamIndex];
      const r = rnd();
      switch (d) {
        case RecordDomain.TREATMENT:
          if (r < 0.5) return c.keyWorker;
          if (r < 0.75) return c.regie;
          if (r < 0.9) return c.regie === team.regie ? team.psychiater : team.regie;
          return pickFrom(team.spv);
        case RecordDomain.PARTICIPATION: {
          const candidates = [c.keyWorker, team.peer];
          if (c.ips !== null) candidates.push(c.ips, c.ips, c.ips);
          if (c.klantmanager !== null) candidates.push(c.klantmanager, c.klantmanager);
          if (c.arbeidsdeskundige !== null) candidates.push(c.arbeidsdeskundige);
          return pickFrom(candidates);
        }
        case RecordDomain.WORK_CAPACITY:
          return r < 0.5 ? c.regie : c.keyWorker;
        case RecordDomain.CLIENT:
          return c.account ?? c.keyWorker;
        default:
          return c.keyWorker;
      }
    };

    let n = 0;
    for (const c of plan.clients) {
      for (let k = 0; k < perClient[c.index]; k++, n++) {
        const d = pickDomain(rnd(), c.account !== null);
        const dom = NOTE_DOMAINS[d];
        client[n] = c.index + 1;
        domain[n] = d + 1;
        author[n] = authorFor(c, dom) + 1;
        day[n] = Math.floor(rnd() * days);
        minute[n] = Math.floor(rnd() * 600);
        const [tOff, tLen] = titles.ranges.get(dom) as [number, number];
        title[n] = tOff + Math.floor(rnd() * tLen) + 1;
        const [sOff, sLen] = sentences.ranges.get(dom) as [number, number];
        for (const col of s) col[n] = sOff + Math.floor(rnd() * sLen) + 1;
        s4[n] = rnd() < 0.5 ? sOff + Math.floor(rnd() * sLen) + 1 : 0;
        shared[n] = dom === RecordDomain.TREATMENT && c.account !== null && rnd() < 0.05 ? 1 : 0;
      }
    }

    // Chronological insert order (oldest first; ties keep generation order).
    const order = Array.from({ length: total }, (_, i) => i);
    order.sort((a, b) => day[b] - day[a] || minute[a] - minute[b] || a - b);

    const sql = `
      WITH b AS (
        SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[],
                             $8::int[], $9::int[], $10::int[], $11::int[], $12::boolean[])
          AS b(seq, ci, dom, ai, day, minute, ti, s1, s2, s3, s4, shared)
      ), ins AS (
        INSERT INTO notes (id, client_id, domain, author_id, organisation_id, contact_on, title, body,
                           shared_with_client, created_at, updated_at)
        SELECT md5($13::text || b.seq::text)::uuid, ($14::uuid[])[b.ci], ($15::text[])[b.dom], ($16::uuid[])[b.ai],
               ($17::uuid[])[b.ai], $18::date - b.day, ($19::text[])[b.ti],
               concat_ws(' ', ($20::text[])[b.s1], ($20::text[])[b.s2], ($20::text[])[b.s3], ($20::text[])[nullif(b.s4, 0)]),
               b.shared, ts.at, ts.at
        FROM b CROSS JOIN LATERAL (
          SELECT (($18::date - b.day) + time '08:00' + make_interval(mins => b.minute)) AT TIME ZONE 'Europe/Amsterdam' AS at
        ) ts
        RETURNING id, title, body, author_id, created_at
      )
      INSERT INTO note_revisions (note_id, version, title, body, author_id, created_at)
      SELECT id, 1, title, body, author_id, created_at FROM ins`;
    const lookups = [
      `bench:${seed}:note:`,
      plan.clients.map((c) => c.id),
      NOTE_DOMAINS,
      plan.users.map((u) => u.id),
      plan.users.map((u) => u.organisationId),
      plan.options.referenceDate,
      titles.all,
      sentences.all,
    ];
    const batch = 25_000;
    for (let start = 0; start < total; start += batch) {
      const idx = order.slice(start, start + batch);
      const col = (a: ArrayLike<number>) => idx.map((i) => a[i]);
      await db.query(sql, [
        idx.map((i) => i),
        col(client),
        col(domain),
        col(author),
        col(day),
        col(minute),
        col(title),
        col(s[0]),
        col(s[1]),
        col(s[2]),
        col(s4),
        idx.map((i) => shared[i] === 1),
        ...lookups,
      ]);
      if ((start / batch) % 8 === 7) log(`notes: ${Math.min(start + batch, total)} / ${total}`);
    }
    return total;
  },
};

/** The region generators, in dependency order. */
export const REGION_GENERATORS: RegionGenerator[] = [
  organisations,
  teams,
  clients,
  users,
  teamMembers,
  assignments,
  notes,
  sharingAgreements,
  consents,
  accessLog,
];

/** The first note contact date the generator uses (for documentation). */
export const firstContactDate = (plan: RegionPlan) =>
  daysBefore(plan.options.referenceDate, 365 * plan.options.years - 1);
