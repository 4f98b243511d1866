import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Action, AbilityContext, SubjectName, can, defineAbilityFor } from '@tandem/ability';
import { SUBJECT_COLUMNS, SqlParams, abilityToSql } from '@tandem/api-authz';
import { dataSourceOptions } from '@tandem/api-data-access';
import { ALL_RECORD_DOMAINS, ALL_ROLES, AssignmentKind } from '@tandem/domain';
import { createTestDatabase, dropTestDatabase } from './harness';

/**
 * Differential test of the one scoping helper: for random users and random records, the rows the
 * SQL translation returns are exactly the rows `ability.can` allows in memory.
 */
const TEAMS = [randomUUID(), randomUUID(), randomUUID()];
const CLIENTS = Array.from({ length: 8 }, () => randomUUID());
const USERS = [randomUUID(), randomUUID(), randomUUID()];
const ORGS = [randomUUID(), randomUUID()];
const ME = USERS[0];

const contextArb: fc.Arbitrary<AbilityContext> = fc.record({
  userId: fc.constant(ME),
  organisationId: fc.constantFrom(...ORGS),
  roles: fc.subarray([...ALL_ROLES], { maxLength: 3 }),
  teams: fc.array(
    fc.record({
      teamId: fc.constantFrom(...TEAMS),
      role: fc.constantFrom(...ALL_ROLES),
      peerTreatmentAccess: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  clientId: fc.option(fc.constantFrom(...CLIENTS), { nil: null }),
  assignments: fc.array(
    fc.record({
      clientId: fc.constantFrom(...CLIENTS),
      kind: fc.constantFrom(...Object.values(AssignmentKind)),
    }),
    { maxLength: 6 },
  ),
  consents: fc.array(
    fc.record({
      consentId: fc.uuid(),
      clientId: fc.constantFrom(...CLIENTS),
      domains: fc.subarray([...ALL_RECORD_DOMAINS]),
    }),
    { maxLength: 3 },
  ),
});

const worldArb = fc.record({
  clientTeams: fc.array(fc.constantFrom(...TEAMS), {
    minLength: CLIENTS.length,
    maxLength: CLIENTS.length,
  }),
  notes: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      client: fc.nat(CLIENTS.length - 1),
      domain: fc.constantFrom(...ALL_RECORD_DOMAINS),
      authorId: fc.constantFrom(...USERS),
      organisationId: fc.constantFrom(...ORGS),
      sharedWithClient: fc.boolean(),
    }),
    { maxLength: 25, selector: (n) => n.id },
  ),
  plans: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      client: fc.nat(CLIENTS.length - 1),
      domain: fc.constantFrom('TREATMENT', 'PARTICIPATION'),
    }),
    { maxLength: 8, selector: (p) => p.id },
  ),
});

describe('scoped SQL equals the in-memory ability', () => {
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    url = await createTestDatabase('empty');
    db = new DataSource(dataSourceOptions(url, 2));
    await db.initialize();
    await db.query(`
      CREATE TABLE pt_clients (id uuid PRIMARY KEY, team_id uuid NOT NULL);
      CREATE TABLE pt_notes (id uuid PRIMARY KEY, client_id uuid NOT NULL, domain text NOT NULL, author_id uuid NOT NULL, organisation_id uuid NOT NULL, shared_with_client boolean NOT NULL);
      CREATE TABLE pt_plans (id uuid PRIMARY KEY, client_id uuid NOT NULL, domain text NOT NULL);
    `);
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(url);
  });

  const QUERIES: Record<'Client' | 'Note' | 'Plan', string> = {
    Client: 'SELECT c.id FROM pt_clients c WHERE',
    Note: 'SELECT n.id FROM pt_notes n JOIN pt_clients c ON c.id = n.client_id WHERE',
    Plan: 'SELECT p.id FROM pt_plans p JOIN pt_clients c ON c.id = p.client_id WHERE',
  };
  const CHECKS: [Action, 'Client' | 'Note' | 'Plan'][] = [
    ['read', 'Client'],
    ['update', 'Client'],
    ['read', 'Note'],
    ['create', 'Note'],
    ['correct', 'Note'],
    ['read', 'Plan'],
    ['update', 'Plan'],
  ];

  it('for random users and records, in every action', async () => {
    await fc.assert(
      fc.asyncProperty(contextArb, worldArb, async (context, world) => {
        await db.query('TRUNCATE pt_clients, pt_notes, pt_plans');
        const clientRows = CLIENTS.map((id, i) => ({ id, teamId: world.clientTeams[i] }));
        await db.query(
          'INSERT INTO pt_clients (id, team_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])',
          [clientRows.map((c) => c.id), clientRows.map((c) => c.teamId)],
        );
        const notes = world.notes.map((n) => ({
          ...n,
          clientId: CLIENTS[n.client],
          teamId: world.clientTeams[n.client],
        }));
        if (notes.length) {
          await db.query(
            'INSERT INTO pt_notes SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::boolean[])',
            [
              notes.map((n) => n.id),
              notes.map((n) => n.clientId),
              notes.map((n) => n.domain),
              notes.map((n) => n.authorId),
              notes.map((n) => n.organisationId),
              notes.map((n) => n.sharedWithClient),
            ],
          );
        }
        const plans = world.plans.map((p) => ({
          ...p,
          clientId: CLIENTS[p.client],
          teamId: world.clientTeams[p.client],
        }));
        if (plans.length) {
          await db.query(
            'INSERT INTO pt_plans SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])',
            [plans.map((p) => p.id), plans.map((p) => p.clientId), plans.map((p) => p.domain)],
          );
        }
        const ability = defineAbilityFor(context);
        const objects: Record<'Client' | 'Note' | 'Plan', { id: string }[]> = {
          Client: clientRows,
          Note: notes,
          Plan: plans,
        };
        for (const [action, subject] of CHECKS) {
          const params = new SqlParams();
          const where = abilityToSql(
            ability,
            action,
            subject as SubjectName,
            SUBJECT_COLUMNS[subject],
            params,
          );
          const rows: { id: string }[] = await db.query(
            `${QUERIES[subject]} ${where}`,
            params.values,
          );
          const fromSql = rows.map((r) => r.id).sort();
          const inMemory = objects[subject]
            .filter((o) => can(ability, action, subject, o))
            .map((o) => o.id)
            .sort();
          expect({ action, subject, ids: fromSql }).toEqual({ action, subject, ids: inMemory });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a caller with no rules gets no rows (WHERE FALSE), not all rows', async () => {
    const ability = defineAbilityFor({
      userId: ME,
      organisationId: ORGS[0],
      roles: [],
      teams: [],
      clientId: null,
      assignments: [],
      consents: [],
    });
    const params = new SqlParams();
    expect(abilityToSql(ability, 'read', 'Note', SUBJECT_COLUMNS.Note, params)).toBe('FALSE');
  });
});
