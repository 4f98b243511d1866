import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client file split by funding domain: notes with an append-only revision history (medical
 * records are never deleted or silently edited), treatment and re-integration plans, and the FACT
 * board fields on the client.
 */
export class ClientFile1764100000000 implements MigrationInterface {
  name = 'ClientFile1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE teams ADD COLUMN peer_treatment_access boolean NOT NULL DEFAULT false;

      ALTER TABLE clients
        ADD COLUMN diagnosis text,
        ADD COLUMN on_board boolean NOT NULL DEFAULT false,
        ADD COLUMN board_reason text,
        ADD COLUMN board_since timestamptz,
        ADD COLUMN next_contact_on date,
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT clients_board_consistent CHECK (on_board = (board_since IS NOT NULL));
      CREATE INDEX clients_team_board_idx ON clients (team_id, on_board);

      CREATE TABLE notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        domain text NOT NULL CHECK (domain IN ('TREATMENT','PARTICIPATION','WMO','WORK_CAPACITY','CLIENT')),
        author_id uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        contact_on date NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
        shared_with_client boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notes_client_domain_idx ON notes (client_id, domain, contact_on DESC, created_at DESC);
      CREATE INDEX notes_client_contact_idx ON notes (client_id, contact_on DESC);
      CREATE INDEX notes_author_idx ON notes (author_id);

      CREATE TABLE note_revisions (
        note_id uuid NOT NULL REFERENCES notes(id),
        version int NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (note_id, version)
      );

      -- Medical records: a note is never deleted; its client, domain and author never change; every
      -- version stays in note_revisions, which only ever grows.
      CREATE FUNCTION tandem_forbid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% on % is not allowed: records are kept, corrections add a revision', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER note_revisions_append_only BEFORE UPDATE OR DELETE ON note_revisions FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE FUNCTION tandem_notes_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.client_id <> OLD.client_id OR NEW.domain <> OLD.domain OR NEW.author_id <> OLD.author_id
           OR NEW.organisation_id <> OLD.organisation_id OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'a note keeps its client, domain, author and creation time' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER notes_immutable BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION tandem_notes_immutable();

      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        domain text NOT NULL CHECK (domain IN ('TREATMENT','PARTICIPATION')),
        summary text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 20000),
        goals jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(goals) = 'array'),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id),
        UNIQUE (client_id, domain)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE plans; DROP TABLE note_revisions; DROP TABLE notes;
      DROP FUNCTION tandem_notes_immutable; DROP FUNCTION tandem_forbid;
      ALTER TABLE clients DROP CONSTRAINT clients_board_consistent, DROP COLUMN diagnosis, DROP COLUMN on_board,
        DROP COLUMN board_reason, DROP COLUMN board_since, DROP COLUMN next_contact_on, DROP COLUMN version, DROP COLUMN updated_at;
      DROP INDEX IF EXISTS clients_team_board_idx;
      ALTER TABLE teams DROP COLUMN peer_treatment_access;
    `);
  }
}
