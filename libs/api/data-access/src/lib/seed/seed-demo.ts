import { DataSource } from 'typeorm';
import { hashPassword } from '@tandem/api-core';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS, demoClients } from '@tandem/demo-data';
import { stableId } from '@tandem/demo-data';
import {
  MONIQUE_TREATMENT_GOAL,
  MONIQUE_WORK_GOAL,
  demoClientState,
  generatedNotes,
  moniqueNotes,
} from '@tandem/demo-data';
import { seedIps } from './seed-ips';
import { seedConferences } from './seed-conferences';

export interface SeedResult {
  inserted: number;
}

/**
 * Inserts the demo region. Idempotent: every row has a stable id and is inserted with
 * `ON CONFLICT DO NOTHING`, so running it again changes nothing. Runs in one transaction.
 */
export async function seedDemo(dataSource: DataSource): Promise<SeedResult> {
  return dataSource.transaction(async (m) => {
    let inserted = 0;
    const insert = async (sql: string, params: unknown[]) => {
      const result = await m.query(`${sql} ON CONFLICT DO NOTHING RETURNING 1`, params);
      inserted += Array.isArray(result) ? result.length : 0;
    };

    for (const org of Object.values(DEMO_ORGS)) {
      await insert('INSERT INTO organisations (id, name, type) VALUES ($1, $2, $3)', [
        org.id,
        org.name,
        org.type,
      ]);
    }
    for (const team of Object.values(DEMO_TEAMS)) {
      await insert('INSERT INTO teams (id, organisation_id, name, type) VALUES ($1, $2, $3, $4)', [
        team.id,
        team.organisationId,
        team.name,
        team.type,
      ]);
    }
    const clients = demoClients();
    for (const c of clients) {
      await insert(
        'INSERT INTO clients (id, team_id, first_name, last_name, date_of_birth, pseudonym) VALUES ($1, $2, $3, $4, $5, $6)',
        [c.id, c.teamId, c.firstName, c.lastName, c.dateOfBirth, c.pseudonym],
      );
    }
    const existingUsers = new Set(
      (
        (await m.query('SELECT id FROM users WHERE id = ANY($1)', [
          DEMO_USERS.map((x) => x.id),
        ])) as { id: string }[]
      ).map((r) => r.id),
    );
    const passwordHash =
      existingUsers.size === DEMO_USERS.length ? '' : await hashPassword(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      if (existingUsers.has(user.id)) continue;
      await insert(
        'INSERT INTO users (id, organisation_id, email, display_name, password_hash, roles, client_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          user.id,
          user.organisationId,
          user.email,
          user.displayName,
          passwordHash,
          user.roles,
          user.clientKey ? stableId(`client:${user.clientKey}`) : null,
        ],
      );
    }
    for (const user of DEMO_USERS) {
      if (!user.team) continue;
      await insert('INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3)', [
        user.team.teamId,
        user.id,
        user.team.role,
      ]);
    }
    const userIds = new Map(DEMO_USERS.map((x) => [x.key, x.id]));
    for (const c of clients) {
      for (const a of c.assignments) {
        await insert(
          "INSERT INTO client_assignments (id, client_id, user_id, kind, started_at) VALUES ($1, $2, $3, $4, '2026-01-05T09:00:00Z')",
          [stableId(`assignment:${c.key}:${a.kind}`), c.id, userIds.get(a.userKey), a.kind],
        );
      }
    }
    // The client file: board status and diagnosis, notes (with their first revision), plans.
    for (const [index, c] of clients.entries()) {
      const state = demoClientState(c, index);
      await m.query(
        `UPDATE clients SET diagnosis = $2, on_board = $3, board_reason = $4, board_since = $5, next_contact_on = $6
         WHERE id = $1 AND version = 1 AND diagnosis IS NULL`,
        [
          c.id,
          state.diagnosis,
          state.onBoard,
          state.boardReason,
          state.boardSince,
          state.nextContactOn,
        ],
      );
    }
    const notes = clients.flatMap((c, index) =>
      c.key === 'monique' ? moniqueNotes(c.id) : generatedNotes(c, index),
    );
    for (const note of notes) {
      const authorId = userIds.get(note.authorKey);
      const before = inserted;
      await insert(
        `INSERT INTO notes (id, client_id, domain, author_id, organisation_id, contact_on, title, body, shared_with_client, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $6::date + time '12:00', $6::date + time '12:00')`,
        [
          note.id,
          note.clientId,
          note.domain,
          authorId,
          note.organisationId,
          note.contactOn,
          note.title,
          note.body,
          note.sharedWithClient ?? false,
        ],
      );
      if (inserted > before) {
        await m.query(
          `INSERT INTO note_revisions (note_id, version, title, body, author_id, created_at) VALUES ($1, 1, $2, $3, $4, $5::date + time '12:00')`,
          [note.id, note.title, note.body, authorId, note.contactOn],
        );
      }
    }
    const monique = clients.find((c) => c.key === 'monique');
    if (monique) {
      await insert(
        `INSERT INTO plans (id, client_id, domain, summary, goals, updated_by, updated_at) VALUES ($1, $2, 'TREATMENT', $3, $4, $5, '2026-09-08T12:00:00Z')`,
        [
          stableId('plan:monique:treatment'),
          monique.id,
          'Herstel van stemming vasthouden; dagstructuur opbouwen; werk als onderdeel van herstel.',
          JSON.stringify([
            {
              id: MONIQUE_TREATMENT_GOAL,
              text: 'Een vaste dagstructuur met activiteiten buitenshuis',
              status: 'OPEN',
              targetDate: '2027-03-01',
            },
            {
              id: stableId('goal:monique:treatment:mood'),
              text: 'Stemming stabiel houden, signaleringsplan bijhouden',
              status: 'OPEN',
              targetDate: null,
            },
          ]),
          userIds.get('regie'),
        ],
      );
      await insert(
        `INSERT INTO plans (id, client_id, domain, summary, goals, updated_by, updated_at) VALUES ($1, $2, 'PARTICIPATION', $3, $4, $5, '2026-10-06T12:00:00Z')`,
        [
          stableId('plan:monique:participation'),
          monique.id,
          'IPS-traject: via de werkervaringsplaats naar betaald werk aan een receptie.',
          JSON.stringify([
            {
              id: MONIQUE_WORK_GOAL,
              text: 'Werkervaringsplaats receptie 16 uur per week volhouden',
              status: 'OPEN',
              targetDate: '2027-01-13',
              treatmentGoalId: MONIQUE_TREATMENT_GOAL,
            },
          ]),
          userIds.get('ips'),
        ],
      );
    }
    // Sharing agreements (convenants) between the care provider and its partners.
    await insert(
      `INSERT INTO sharing_agreements (id, name, legal_basis, party_ids, categories, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5, '2026-01-01', '2028-12-31')`,
      [
        stableId('agreement:ggz-gemeente'),
        'Convenant IPS en werk Rivierstad',
        'Toestemming van de cliënt (AVG art. 9 lid 2 sub a); convenant tussen GGZ Rivierenland en Gemeente Rivierstad',
        [DEMO_ORGS.ggz.id, DEMO_ORGS.gemeente.id],
        [
          'WORK_CAPACITY_SUMMARY',
          'PARTICIPATION_NOTES',
          'TREATMENT_GOALS_WORK',
          'CONFERENCE_IDENTITY',
        ],
      ],
    );
    await insert(
      `INSERT INTO sharing_agreements (id, name, legal_basis, party_ids, categories, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5, '2026-01-01', '2027-12-31')`,
      [
        stableId('agreement:ggz-uwv'),
        'Samenwerkingsprotocol GGZ Rivierenland – UWV',
        'Toestemming van de cliënt (AVG art. 9 lid 2 sub a); protocol gegevensuitwisseling',
        [DEMO_ORGS.ggz.id, DEMO_ORGS.uwv.id],
        ['WORK_CAPACITY_SUMMARY', 'CONFERENCE_IDENTITY'],
      ],
    );
    if (monique) {
      // A request from the klantmanager waiting for Monique in her passport.
      const requestId = stableId('consent:monique:casusoverleg');
      const before = inserted;
      await insert(
        `INSERT INTO consents (id, client_id, recipient_type, recipient_organisation_id, purpose, categories, status, text_shown, situation,
           agreement_id, valid_from, valid_until, requested_by, requested_at)
         VALUES ($1, $2, 'ORGANISATION', $3, 'CASUSOVERLEG', ARRAY['CONFERENCE_IDENTITY'], 'REQUESTED', $4, 'REGULAR', $5, '2026-11-20', '2027-11-19', $6, '2026-11-20T10:00:00Z')`,
        [
          requestId,
          monique.id,
          DEMO_ORGS.gemeente.id,
          'Ik geef Gemeente Rivierstad toestemming om mijn naam en gegevens in een overleg te gebruiken voor overleg over mij tussen zorg en werk en inkomen. Deze toestemming geldt van 20 november 2026 tot en met 19 november 2027. Ik kan haar altijd intrekken; daarna ziet Gemeente Rivierstad deze gegevens niet meer.',
          stableId('agreement:ggz-gemeente'),
          userIds.get('klantmanager'),
        ],
      );
      if (inserted > before) {
        await m.query(
          "INSERT INTO consent_events (consent_id, event, actor_id, at) VALUES ($1, 'REQUESTED', $2, '2026-11-20T10:00:00Z')",
          [requestId, userIds.get('klantmanager')],
        );
      }
    }
    inserted += await seedIps(m);
    inserted += await seedConferences(m);
    return { inserted };
  });
}
