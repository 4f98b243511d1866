import type { EntityManager } from 'typeorm';
import { DEMO_TEAMS, demoClients, demoUser, stableId } from '@tandem/demo-data';

/** First board meeting of the seeded series and the partner case discussion (local time +01:00). */
const SERIES_START = '2026-11-30';
const SERIES_END = '2027-02-26';
const BOARD_DAYS = [1, 3, 5]; // Monday, Wednesday, Friday

/**
 * Case conferences for the demo (issue 5), idempotent like the rest of the seed (stable ids,
 * `ON CONFLICT DO NOTHING`):
 * - a partner case discussion planned by Sanne Jansen (key worker, FACT Noord) with Fatima El
 *   Amrani (klantmanager, Gemeente Rivierstad), Anna de Vries (regiebehandelaar) and Daan Mulder
 *   (IPS) about Monique. Monique appears anonymised to the klantmanager until she accepts the
 *   pending CONFERENCE_IDENTITY request (`consent:monique:casusoverleg`) in her passport;
 * - FACT Noord's board meetings: a weekly series (Mon, Wed, Fri 08:45) with its occurrences.
 */
export async function seedConferences(m: EntityManager): Promise<number> {
  let inserted = 0;
  const insert = async (sql: string, params: unknown[]) => {
    const result = await m.query(`${sql} ON CONFLICT DO NOTHING RETURNING 1`, params);
    const added = Array.isArray(result) ? result.length : 0;
    inserted += added;
    return added > 0;
  };
  const user = (key: string) => demoUser(key).id;
  const monique = demoClients().find((c) => c.key === 'monique');
  const noord = DEMO_TEAMS.noord.id;

  const partnerId = stableId('conference:partner-discussion:monique');
  await insert(
    `INSERT INTO conferences (id, team_id, kind, title, starts_at, duration_minutes, location, organiser_id, created_at)
     VALUES ($1, $2, 'PARTNER_CASE_DISCUSSION', $3, '2026-12-01T13:00:00+01:00', 60, $4, $5, '2026-11-20T10:30:00Z')`,
    [
      partnerId,
      noord,
      'Casusoverleg zorg en werk & inkomen',
      'Gemeentehuis Rivierstad, spreekkamer 2.14',
      user('keyworker'),
    ],
  );
  for (const key of ['keyworker', 'klantmanager', 'regie', 'ips']) {
    await insert(
      `INSERT INTO conference_attendees (conference_id, user_id, invited_by, invited_at) VALUES ($1, $2, $3, '2026-11-20T10:30:00Z')`,
      [partnerId, user(key), user('keyworker')],
    );
  }
  if (monique) {
    await insert(
      `INSERT INTO conference_items (id, conference_id, position, client_id, pseudonym, age_band, topic, source, added_by, created_at)
       VALUES ($1, $2, 1, $3, $4, '40-49', $5, 'MANUAL', $6, '2026-11-20T10:30:00Z')`,
      [
        stableId('conference-item:partner-discussion:monique'),
        partnerId,
        monique.id,
        monique.pseudonym,
        'Werkervaringsplaats receptie: voortgang en vrijstelling van de sollicitatieplicht',
        user('keyworker'),
      ],
    );
  }

  const seriesId = stableId('conference-series:fact-noord-board');
  await insert(
    `INSERT INTO conference_series (id, team_id, kind, title, weekdays, start_time, duration_minutes, location, starts_on, ends_on, created_by, created_at)
     VALUES ($1, $2, 'FACT_BOARD', 'FACT-bordoverleg Noord', $3, '08:45', 30, 'Teamkamer FACT Noord', $4, $5, $6, '2026-11-16T09:00:00Z')`,
    [seriesId, noord, BOARD_DAYS, SERIES_START, SERIES_END, user('regie')],
  );
  const boardAttendees = ['regie', 'psychiater', 'keyworker', 'keyworker2', 'peer', 'ips'];
  for (
    let d = new Date(`${SERIES_START}T00:00:00Z`);
    d <= new Date(`${SERIES_END}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    const isoDay = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
    if (!BOARD_DAYS.includes(isoDay)) continue;
    const date = d.toISOString().slice(0, 10);
    const id = stableId(`conference:fact-noord-board:${date}`);
    await insert(
      `INSERT INTO conferences (id, team_id, series_id, kind, title, starts_at, duration_minutes, location, organiser_id, created_at)
       VALUES ($1, $2, $3, 'FACT_BOARD', 'FACT-bordoverleg Noord', ($4::date + time '08:45') AT TIME ZONE 'Europe/Amsterdam', 30,
               'Teamkamer FACT Noord', $5, '2026-11-16T09:00:00Z')`,
      [id, noord, seriesId, date, user('regie')],
    );
    for (const key of boardAttendees) {
      await insert(
        `INSERT INTO conference_attendees (conference_id, user_id, invited_by, invited_at) VALUES ($1, $2, $3, '2026-11-16T09:00:00Z')`,
        [id, user(key), user('regie')],
      );
    }
  }
  return inserted;
}
