import { DEMO_ORGS, DEMO_USERS, DemoUser, demoClients, demoUser } from '@tandem/demo-data';
import { ALL_RECORD_DOMAINS, RecordDomain, Role } from '@tandem/domain';
import { MATRIX_CLIENT_KEYS, PERMISSION_MATRIX } from '../testing';
import {
  AbilityContext,
  CLIENT_ALL_FIELDS,
  can,
  defineAbilityFor,
  permittedFields,
  readableDomains,
  writableDomains,
} from './ability';

const clients = demoClients();

export function contextFor(user: DemoUser, extra: Partial<AbilityContext> = {}): AbilityContext {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    roles: user.roles,
    teams: user.team ? [{ teamId: user.team.teamId, role: user.team.role }] : [],
    clientId: user.clientKey ? clients.find((c) => c.key === user.clientKey)!.id : null,
    assignments: clients.flatMap((c) =>
      c.assignments
        .filter((a) => a.userKey === user.key)
        .map((a) => ({ clientId: c.id, kind: a.kind })),
    ),
    consents: [],
    ...extra,
  };
}

describe('the permission matrix (domain brief §4) against the ability', () => {
  for (const row of PERMISSION_MATRIX) {
    const actor = demoUser(row.actor);
    const client = clients.find((c) => c.key === MATRIX_CLIENT_KEYS[row.client])!;
    const ability = defineAbilityFor(contextFor(actor));
    const authorOrg = row.authorOrg === 'own' ? actor.organisationId : DEMO_ORGS.ggz.id;
    const label = `${row.actor} on ${row.client} (notes by ${row.authorOrg === 'own' ? 'own organisation' : 'GGZ'})`;

    it(`${label}: ${row.seesClient ? 'sees' : 'does not see'} the client`, () => {
      expect(can(ability, 'read', 'Client', { id: client.id, teamId: client.teamId })).toBe(
        row.seesClient,
      );
    });

    for (const domain of ALL_RECORD_DOMAINS) {
      const expectRead = row.read.includes(domain);
      const expectCreate = row.create.includes(domain);
      it(`${label}: ${expectRead ? 'may' : 'may not'} read and ${expectCreate ? 'may' : 'may not'} write ${domain} notes`, () => {
        const note = {
          clientId: client.id,
          teamId: client.teamId,
          domain,
          authorId: 'someone-else',
          organisationId: authorOrg,
          sharedWithClient: false,
        };
        expect(can(ability, 'read', 'Note', note)).toBe(expectRead);
        const own = { ...note, authorId: actor.id, organisationId: actor.organisationId };
        expect(can(ability, 'create', 'Note', own)).toBe(expectCreate);
      });
    }
  }
});

describe('ability details', () => {
  const monique = clients.find((c) => c.key === 'monique')!;
  const moniqueRef = { id: monique.id, teamId: monique.teamId };

  it('gives diagnosis and board reason only to care staff', () => {
    const care = defineAbilityFor(contextFor(demoUser('keyworker')));
    const ips = defineAbilityFor(contextFor(demoUser('ips')));
    const km = defineAbilityFor(contextFor(demoUser('klantmanager')));
    expect(permittedFields(care, 'read', 'Client', moniqueRef, CLIENT_ALL_FIELDS)).toEqual(
      expect.arrayContaining(['diagnosis', 'boardReason']),
    );
    for (const ability of [ips, km]) {
      const fields = permittedFields(ability, 'read', 'Client', moniqueRef, CLIENT_ALL_FIELDS);
      expect(fields).toContain('firstName');
      expect(fields).not.toContain('diagnosis');
      expect(fields).not.toContain('boardReason');
    }
  });

  it('denies everything to a user with no roles, teams or assignments (deny by default)', () => {
    const nobody = defineAbilityFor({
      userId: 'u',
      organisationId: 'o',
      roles: [],
      teams: [],
      clientId: null,
      assignments: [],
      consents: [],
    });
    expect(nobody.rules).toHaveLength(0);
    expect(can(nobody, 'read', 'Client', moniqueRef)).toBe(false);
  });

  it('lets a team allow its peer workers to read treatment notes', () => {
    const peer = demoUser('peer');
    const note = {
      clientId: monique.id,
      teamId: monique.teamId,
      domain: RecordDomain.TREATMENT,
      authorId: 'x',
      organisationId: DEMO_ORGS.ggz.id,
      sharedWithClient: false,
    };
    expect(can(defineAbilityFor(contextFor(peer)), 'read', 'Note', note)).toBe(false);
    const allowed = contextFor(peer, {
      teams: [
        { teamId: monique.teamId, role: Role.ERVARINGSDESKUNDIGE, peerTreatmentAccess: true },
      ],
    });
    expect(can(defineAbilityFor(allowed), 'read', 'Note', note)).toBe(true);
  });

  it('opens exactly the consented domain of exactly the consented client', () => {
    const km = demoUser('klantmanager');
    const other = clients.find((c) => c.key === 'client-6')!;
    const ability = defineAbilityFor(
      contextFor(km, {
        consents: [
          { consentId: 'c1', clientId: monique.id, domains: [RecordDomain.WORK_CAPACITY] },
        ],
      }),
    );
    const base = {
      teamId: monique.teamId,
      authorId: 'x',
      organisationId: DEMO_ORGS.ggz.id,
      sharedWithClient: false,
    };
    expect(
      can(ability, 'read', 'Note', {
        ...base,
        clientId: monique.id,
        domain: RecordDomain.WORK_CAPACITY,
      }),
    ).toBe(true);
    expect(
      can(ability, 'read', 'Note', {
        ...base,
        clientId: monique.id,
        domain: RecordDomain.TREATMENT,
      }),
    ).toBe(false);
    expect(
      can(ability, 'read', 'Note', {
        ...base,
        clientId: other.id,
        teamId: other.teamId,
        domain: RecordDomain.WORK_CAPACITY,
      }),
    ).toBe(false);
  });

  it('lets the client read notes shared with her, but not other treatment notes', () => {
    const ability = defineAbilityFor(contextFor(demoUser('monique')));
    const base = {
      clientId: monique.id,
      teamId: monique.teamId,
      domain: RecordDomain.TREATMENT,
      authorId: 'x',
      organisationId: DEMO_ORGS.ggz.id,
    };
    expect(can(ability, 'read', 'Note', { ...base, sharedWithClient: true })).toBe(true);
    expect(can(ability, 'read', 'Note', { ...base, sharedWithClient: false })).toBe(false);
  });

  it('offers the note editor only the domains the author may write', () => {
    const base = { clientId: monique.id, teamId: monique.teamId, sharedWithClient: false };
    const ips = demoUser('ips');
    expect(
      writableDomains(defineAbilityFor(contextFor(ips)), {
        ...base,
        authorId: ips.id,
        organisationId: ips.organisationId,
      }),
    ).toEqual([RecordDomain.PARTICIPATION]);
    const regie = demoUser('regie');
    expect(
      readableDomains(defineAbilityFor(contextFor(regie)), {
        ...base,
        authorId: regie.id,
        organisationId: regie.organisationId,
      }),
    ).toEqual(ALL_RECORD_DOMAINS);
  });

  it('lets only the regiebehandelaar and psychiatrist change the treatment plan', () => {
    const plan = { clientId: monique.id, teamId: monique.teamId, domain: RecordDomain.TREATMENT };
    expect(can(defineAbilityFor(contextFor(demoUser('regie'))), 'update', 'Plan', plan)).toBe(true);
    expect(can(defineAbilityFor(contextFor(demoUser('psychiater'))), 'update', 'Plan', plan)).toBe(
      true,
    );
    expect(can(defineAbilityFor(contextFor(demoUser('keyworker'))), 'update', 'Plan', plan)).toBe(
      false,
    );
    expect(can(defineAbilityFor(contextFor(demoUser('keyworker'))), 'read', 'Plan', plan)).toBe(
      true,
    );
    expect(can(defineAbilityFor(contextFor(demoUser('ips'))), 'read', 'Plan', plan)).toBe(false);
  });

  it('grants exactly the same when assignments inside the own care team are left out of the scope', () => {
    const teamOf = new Map(clients.map((c) => [c.id, c.teamId]));
    for (const user of DEMO_USERS) {
      const plain = defineAbilityFor(contextFor(user));
      const ctx = contextFor(user);
      const withTeams = defineAbilityFor({
        ...ctx,
        assignments: ctx.assignments.map((a) => ({ ...a, teamId: teamOf.get(a.clientId) })),
      });
      for (const client of clients) {
        for (const domain of ALL_RECORD_DOMAINS) {
          const note = {
            clientId: client.id,
            teamId: client.teamId,
            domain,
            authorId: user.id,
            organisationId: DEMO_ORGS.ggz.id,
            sharedWithClient: false,
          };
          for (const action of ['read', 'create', 'correct'] as const) {
            expect(can(withTeams, action, 'Note', note)).toBe(can(plain, action, 'Note', note));
          }
        }
        expect(can(withTeams, 'read', 'Client', { id: client.id, teamId: client.teamId })).toBe(
          can(plain, 'read', 'Client', { id: client.id, teamId: client.teamId }),
        );
      }
    }
  });

  it('covers every demo user in the matrix', () => {
    const inMatrix = new Set(PERMISSION_MATRIX.map((r) => r.actor));
    for (const user of DEMO_USERS.filter((u) => u.key !== 'keyworker2'))
      expect(inMatrix).toContain(user.key);
  });
});
