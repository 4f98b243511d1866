import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AbilityContext, Action, SubjectName, can, defineAbilityFor } from '@tandem/ability';
import { SUBJECT_COLUMNS, SqlParams, abilityToSql } from '@tandem/api-authz';
import { dataSourceOptions } from '@tandem/api-data-access';
import { ALL_RECORD_DOMAINS, ALL_ROLES, AssignmentKind } from '@tandem/domain';
import { createTestDatabase, dropTestDatabase } from './harness';

/**
 * Differential test of the SQL scope for the IPS subjects: for random users and random records,
 * the rows the SQL translation returns are exactly those `ability.can` allows in memory — including
 * general employer contacts (no client) and activities by record domain.
 */
const TEAMS = [randomUUID(), randomUUID(), randomUUID()];
const CLIENTS = Array.from({ length: 6 }, () => randomUUID());
const USERS = [randomUUID(), randomUUID()];
const ME = USERS[0];

const contextArb: fc.Arbitrary<AbilityContext> = fc.record({
  userId: fc.constant(ME),
  organisationId: fc.constant(randomUUID()),
  roles: fc.subarray([...ALL_ROLES], { maxLength: 3 }),
  teams: fc.array(
    fc.record({ teamId: fc.constantFrom(...TEAMS), role: fc.constantFrom(...ALL_ROLES) }),
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
    { maxLength: 2 },
  ),
});

const worldArb = fc.record({
  clientTeams: fc.array(fc.constantFrom(...TEAMS), {
    minLength: CLIENTS.length,
    maxLength: CLIENTS.length,
  }),
  activities: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      client: fc.nat(CLIENTS.length - 1),
      domain: fc.constantFrom('TREATMENT', 'PARTICIPATION', 'WMO'),
      performedBy: fc.constantFrom(...USERS),
    }),
    { maxLength: 15, selector: (a) => a.id },
  ),
  contacts: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      teamId: fc.constantFrom(...TEAMS),
      client: fc.option(fc.nat(CLIENTS.length - 1), { nil: null }),
      specialistId: fc.constantFrom(...USERS),
    }),
    { maxLength: 15, selector: (c) => c.id },
  ),
});

describe('IPS: scoped SQL equals the in-memory ability', () => {
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    url = await createTestDatabase('empty');
    db = new DataSource(dataSourceOptions(url, 2));
    await db.initialize();
    await db.query(`
      CREATE TABLE pi_clients (id uuid PRIMARY KEY, team_id uuid NOT NULL);
      CREATE TABLE pi_activities (id uuid PRIMARY KEY, client_id uuid NOT NULL, domain text NOT NULL, performed_by uuid NOT NULL);
      CREATE TABLE pi_contacts (id uuid PRIMARY KEY, team_id uuid NOT NULL, client_id uuid, specialist_id uuid NOT NULL);
      CREATE TABLE pi_teams (id uuid PRIMARY KEY);
    `);
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(url);
  });

  // Per-client subjects share one query shape: the record's client joined as `c`.
  const byClient = (alias: string) =>
    `SELECT ${alias}.client_id AS id FROM (SELECT id, id AS client_id FROM pi_clients) ${alias} JOIN pi_clients c ON c.id = ${alias}.client_id WHERE`;
  const byTeam = (alias: string) =>
    `SELECT ${alias}.id FROM (SELECT id, id AS team_id FROM pi_teams) ${alias} WHERE`;
  const CLIENT_SUBJECT_QUERY: Record<string, string> = {
    Trajectory: byClient('tr'),
    Placement: byClient('pl'),
    WorkGoal: byClient('wg'),
  };
  const CHECKS: [Action, SubjectName][] = [
    ['read', 'Trajectory'],
    ['update', 'Trajectory'],
    ['read', 'Placement'],
    ['create', 'Placement'],
    ['read', 'WorkGoal'],
    ['review', 'WorkGoal'],
    ['comment', 'WorkGoal'],
    ['read', 'Activity'],
    ['create', 'Activity'],
    ['override', 'Activity'],
    ['read', 'EmployerContact'],
    ['create', 'EmployerContact'],
    ['update', 'EmployerContact'],
    ['read', 'Employer'],
    ['create', 'Employer'],
    ['read', 'IpsDashboard'],
    ['create', 'FidelityAssessment'],
  ];

  it('for random users and records, in every action', async () => {
    await fc.assert(
      fc.asyncProperty(contextArb, worldArb, async (context, world) => {
        await db.query('TRUNCATE pi_clients, pi_activities, pi_contacts, pi_teams');
        await db.query('INSERT INTO pi_teams SELECT * FROM unnest($1::uuid[])', [TEAMS]);
        await db.query('INSERT INTO pi_clients SELECT * FROM unnest($1::uuid[], $2::uuid[])', [
          CLIENTS,
          world.clientTeams,
        ]);
        const activities = world.activities.map((a) => ({
          id: a.id,
          clientId: CLIENTS[a.client],
          teamId: world.clientTeams[a.client],
          domain: a.domain,
          performedBy: a.performedBy,
        }));
        if (activities.length) {
          await db.query(
            'INSERT INTO pi_activities SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[])',
            [
              activities.map((a) => a.id),
              activities.map((a) => a.clientId),
              activities.map((a) => a.domain),
              activities.map((a) => a.performedBy),
            ],
          );
        }
        const contacts = world.contacts.map((c) => ({
          id: c.id,
          teamId: c.teamId,
          clientId: c.client === null ? null : CLIENTS[c.client],
          specialistId: c.specialistId,
        }));
        if (contacts.length) {
          await db.query(
            'INSERT INTO pi_contacts SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])',
            [
              contacts.map((c) => c.id),
              contacts.map((c) => c.teamId),
              contacts.map((c) => c.clientId),
              contacts.map((c) => c.specialistId),
            ],
          );
        }
        const ability = defineAbilityFor(context);
        const clientRecords = CLIENTS.map((id, i) => ({
          id,
          clientId: id,
          teamId: world.clientTeams[i],
        }));
        for (const [action, subject] of CHECKS) {
          const params = new SqlParams();
          const where = abilityToSql(ability, action, subject, SUBJECT_COLUMNS[subject], params);
          let sql: string;
          let objects: { id: string }[];
          if (CLIENT_SUBJECT_QUERY[subject]) {
            sql = CLIENT_SUBJECT_QUERY[subject];
            objects = clientRecords;
          } else if (subject === 'Activity') {
            sql = 'SELECT a.id FROM pi_activities a JOIN pi_clients c ON c.id = a.client_id WHERE';
            objects = activities;
          } else if (subject === 'EmployerContact') {
            sql = 'SELECT ec.id FROM pi_contacts ec WHERE';
            objects = contacts;
          } else {
            sql = byTeam(
              { Employer: 'e', IpsDashboard: 't', FidelityAssessment: 'fa' }[subject as string]!,
            );
            objects = TEAMS.map((id) => ({ id, teamId: id }));
          }
          const query = `${sql} ${where}`;
          const rows: { id: string }[] = await db.query(query, params.values);
          const fromSql = rows.map((r) => r.id).sort();
          const inMemory = objects
            .filter((o) => can(ability, action, subject, o))
            .map((o) => o.id)
            .sort();
          expect({ action, subject, ids: fromSql }).toEqual({ action, subject, ids: inMemory });
        }
      }),
      { numRuns: 120 },
    );
  });
});
