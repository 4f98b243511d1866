import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'FACT_BOARD','MDO','PARTNER_CASE_DISCUSSION','THREE_WAY_MEETING','ANONYMISED_CASE_DISCUSSION'`;

/**
 * Case conferences (issue 5): planned meetings of a team with invited attendees (team members,
 * partners from the municipality or UWV, the client in a three-way meeting), weekly series for
 * board meetings, agenda items per client, live minutes per item and section (versioned, with an
 * append-only revision history that also serves as the merge base), decisions, action items, and
 * the per-conference event log that live rooms replay after a reconnect.
 *
 * Items of an anonymised case discussion carry no client id: only a pseudonym and an age band are
 * kept; care staff may later attach their minutes to a file, which writes a note there.
 * The event log, the minutes history and decisions only grow (privileges and triggers).
 * `socket_io_attachments` is the table the socket.io PostgreSQL adapter uses for large packets.
 */
export class CaseConferences1764400000000 implements MigrationInterface {
  name = 'CaseConferences1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conference_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        kind text NOT NULL CHECK (kind IN ('FACT_BOARD','MDO')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        weekdays int[] NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY[1,2,3,4,5,6,7]),
        start_time time NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
        location text CHECK (char_length(location) <= 300),
        video_url text CHECK (char_length(video_url) <= 500),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on AND ends_on <= starts_on + 366),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX conference_series_team_idx ON conference_series (team_id);

      CREATE TABLE conferences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        series_id uuid REFERENCES conference_series(id),
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
        location text CHECK (char_length(location) <= 300),
        video_url text CHECK (char_length(video_url) <= 500),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','LIVE','CLOSED','CANCELLED')),
        current_item_id uuid,
        organiser_id uuid NOT NULL REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        event_seq bigint NOT NULL DEFAULT 0,
        started_at timestamptz,
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (location IS NOT NULL OR video_url IS NOT NULL),
        CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL)
      );
      CREATE INDEX conferences_team_idx ON conferences (team_id, starts_at);
      CREATE UNIQUE INDEX conferences_series_occurrence_uq ON conferences (series_id, starts_at) WHERE series_id IS NOT NULL;

      CREATE TABLE conference_attendees (
        conference_id uuid NOT NULL REFERENCES conferences(id),
        user_id uuid NOT NULL REFERENCES users(id),
        invited_by uuid REFERENCES users(id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        PRIMARY KEY (conference_id, user_id)
      );
      CREATE INDEX conference_attendees_user_idx ON conference_attendees (user_id) WHERE removed_at IS NULL;

      CREATE TABLE conference_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conferences(id),
        position int NOT NULL,
        client_id uuid REFERENCES clients(id),
        pseudonym text NOT NULL CHECK (char_length(pseudonym) BETWEEN 1 AND 100),
        age_band text NOT NULL CHECK (char_length(age_band) BETWEEN 1 AND 20),
        topic text NOT NULL DEFAULT '' CHECK (char_length(topic) <= 300),
        source text NOT NULL CHECK (source IN ('BOARD','NEW_REFERRAL','WORK_GOAL_REVIEW','PLACEMENT_CHANGE','MANUAL')),
        added_by uuid NOT NULL REFERENCES users(id),
        withdrawn_at timestamptz,
        attached_note_id uuid REFERENCES notes(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX conference_items_conference_idx ON conference_items (conference_id, position);
      CREATE INDEX conference_items_client_idx ON conference_items (client_id) WHERE client_id IS NOT NULL;
      CREATE UNIQUE INDEX conference_items_client_once_uq ON conference_items (conference_id, client_id)
        WHERE client_id IS NOT NULL AND withdrawn_at IS NULL;

      CREATE TABLE conference_minutes (
        item_id uuid NOT NULL REFERENCES conference_items(id),
        section text NOT NULL CHECK (section IN ('TREATMENT','PARTICIPATION','ANONYMISED')),
        text text NOT NULL DEFAULT '' CHECK (char_length(text) <= 20000),
        version int NOT NULL DEFAULT 0,
        contributors uuid[] NOT NULL DEFAULT '{}',
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        note_id uuid REFERENCES notes(id),
        PRIMARY KEY (item_id, section)
      );

      CREATE TABLE conference_minutes_revisions (
        item_id uuid NOT NULL REFERENCES conference_items(id),
        section text NOT NULL,
        version int NOT NULL,
        text text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        merged boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, section, version)
      );

      CREATE TABLE conference_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES conference_items(id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        visibility text NOT NULL CHECK (visibility IN ('IDENTIFIED','ALL')),
        decided_by uuid NOT NULL REFERENCES users(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX conference_decisions_item_idx ON conference_decisions (item_id, created_at);

      CREATE TABLE conference_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conferences(id),
        item_id uuid NOT NULL REFERENCES conference_items(id),
        client_id uuid REFERENCES clients(id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1000),
        visibility text NOT NULL CHECK (visibility IN ('IDENTIFIED','ALL')),
        owner_id uuid NOT NULL REFERENCES users(id),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','DONE')),
        done_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'DONE' OR done_at IS NOT NULL)
      );
      CREATE INDEX conference_actions_owner_idx ON conference_actions (owner_id, status, due_on);
      CREATE INDEX conference_actions_client_idx ON conference_actions (client_id, due_on) WHERE client_id IS NOT NULL;
      CREATE INDEX conference_actions_item_idx ON conference_actions (item_id);

      -- What happened in a conference, numbered per conference: written in the same transaction as
      -- the change, sent to the room only after commit, replayed to a client that reconnects.
      CREATE TABLE conference_events (
        conference_id uuid NOT NULL REFERENCES conferences(id),
        seq bigint NOT NULL,
        type text NOT NULL,
        item_id uuid,
        actor_id uuid REFERENCES users(id),
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (conference_id, seq)
      );

      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      );

      CREATE TRIGGER conference_events_append_only BEFORE UPDATE OR DELETE ON conference_events FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER conference_minutes_revisions_append_only BEFORE UPDATE OR DELETE ON conference_minutes_revisions FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER conference_decisions_append_only BEFORE UPDATE OR DELETE ON conference_decisions FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER conferences_no_delete BEFORE DELETE ON conferences FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER conference_items_no_delete BEFORE DELETE ON conference_items FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER conference_minutes_no_delete BEFORE DELETE ON conference_minutes FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER conference_actions_no_delete BEFORE DELETE ON conference_actions FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      REVOKE UPDATE, DELETE, TRUNCATE ON conference_events, conference_minutes_revisions, conference_decisions FROM tandem_app;
      -- The adapter removes packets it has delivered.
      GRANT DELETE ON socket_io_attachments TO tandem_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE socket_io_attachments; DROP TABLE conference_events; DROP TABLE conference_actions;
      DROP TABLE conference_decisions; DROP TABLE conference_minutes_revisions; DROP TABLE conference_minutes;
      DROP TABLE conference_items; DROP TABLE conference_attendees; DROP TABLE conferences; DROP TABLE conference_series;
    `);
  }
}
