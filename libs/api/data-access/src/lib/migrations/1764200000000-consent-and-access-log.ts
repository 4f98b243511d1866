import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent registry, sharing agreements, emergency access, notifications and the NEN 7513 access
 * log. The application connects with the role `tandem_app`, which may insert and read the access
 * log but never change or delete it; triggers refuse it for everyone else, and every entry is
 * hash-chained to its predecessor so tampering by a database superuser is detectable.
 */
export class ConsentAndAccessLog1764200000000 implements MigrationInterface {
  name = 'ConsentAndAccessLog1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sharing_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 3 AND 200),
        legal_basis text NOT NULL CHECK (char_length(legal_basis) BETWEEN 3 AND 1000),
        party_ids uuid[] NOT NULL CHECK (cardinality(party_ids) >= 2),
        categories text[] NOT NULL CHECK (cardinality(categories) >= 1
          AND categories <@ ARRAY['WORK_CAPACITY_SUMMARY','PARTICIPATION_NOTES','TREATMENT_GOALS_WORK','CONFERENCE_IDENTITY']),
        valid_from date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until > valid_from),
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        recipient_type text NOT NULL CHECK (recipient_type IN ('ORGANISATION','ROLE','PERSON')),
        recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
        recipient_role text,
        recipient_user_id uuid REFERENCES users(id),
        purpose text NOT NULL CHECK (purpose IN ('IPS_TRAJECT','UITKERING','CASUSOVERLEG','DRIEGESPREK')),
        categories text[] NOT NULL CHECK (cardinality(categories) >= 1
          AND categories <@ ARRAY['WORK_CAPACITY_SUMMARY','PARTICIPATION_NOTES','TREATMENT_GOALS_WORK','CONFERENCE_IDENTITY']),
        status text NOT NULL CHECK (status IN ('REQUESTED','GIVEN','REFUSED','REVOKED')),
        text_shown text NOT NULL CHECK (char_length(text_shown) BETWEEN 20 AND 5000),
        method text CHECK (method IN ('SIGNED_FORM','PASSPORT_CONFIRMATION')),
        situation text NOT NULL CHECK (situation IN ('REGULAR','INTAKE','ACCESS_DECISION')),
        form_sha256 text,
        form_mime text,
        form_bytes bytea,
        agreement_id uuid NOT NULL REFERENCES sharing_agreements(id),
        valid_from date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until > valid_from AND valid_until <= valid_from + 731),
        requested_by uuid REFERENCES users(id),
        requested_at timestamptz,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        revoked_at timestamptz,
        revoke_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (recipient_type <> 'ROLE' OR recipient_role IS NOT NULL),
        CHECK (recipient_type <> 'PERSON' OR recipient_user_id IS NOT NULL),
        CHECK (status <> 'GIVEN' OR (method IS NOT NULL AND recorded_at IS NOT NULL)),
        CHECK (status <> 'REVOKED' OR revoked_at IS NOT NULL)
      );
      CREATE INDEX consents_client_idx ON consents (client_id, status);
      CREATE INDEX consents_recipient_org_idx ON consents (recipient_organisation_id, status, valid_until);

      CREATE TABLE consent_events (
        id bigserial PRIMARY KEY,
        consent_id uuid NOT NULL REFERENCES consents(id),
        event text NOT NULL CHECK (event IN ('REQUESTED','GIVEN','REFUSED','RENEWED','REVOKED')),
        actor_id uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX consent_events_consent_idx ON consent_events (consent_id, id);
      CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents FOR EACH ROW EXECUTE FUNCTION tandem_forbid();

      CREATE TABLE emergency_access (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        client_id uuid NOT NULL REFERENCES clients(id),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 10 AND 1000),
        started_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        review_comment text,
        CHECK (expires_at > started_at AND expires_at <= started_at + interval '24 hours')
      );
      CREATE INDEX emergency_access_user_idx ON emergency_access (user_id, client_id, expires_at);
      CREATE TRIGGER emergency_access_no_delete BEFORE DELETE ON emergency_access FOR EACH ROW EXECUTE FUNCTION tandem_forbid();

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        client_id uuid REFERENCES clients(id),
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid,
        user_role text,
        organisation_id uuid,
        on_behalf_of uuid,
        client_id uuid,
        client_ids uuid[],
        object_type text NOT NULL,
        object_id text,
        action text NOT NULL CHECK (action IN ('READ','SEARCH','CREATE','UPDATE','EXPORT','EMERGENCY_ACCESS','LOG_READ')),
        outcome text NOT NULL CHECK (outcome IN ('ALLOWED','DENIED')),
        basis text NOT NULL,
        consent_ids uuid[],
        emergency boolean NOT NULL DEFAULT false,
        channel text NOT NULL CHECK (channel IN ('HTTP','SOCKET','SYSTEM')),
        route text,
        ip text,
        user_agent text,
        session_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE INDEX access_log_client_idx ON access_log (client_id, at DESC);
      CREATE INDEX access_log_client_ids_idx ON access_log USING gin (client_ids);
      CREATE INDEX access_log_user_idx ON access_log (user_id, at DESC);
      CREATE INDEX access_log_at_idx ON access_log (at);

      -- The chain: each entry's hash covers its content and the previous entry's hash. Entries are
      -- chained in insertion order under a transaction-level advisory lock.
      CREATE FUNCTION tandem_access_log_canonical(e access_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.user_id, e.user_role, e.organisation_id,
          e.on_behalf_of, e.client_id, array_to_string(e.client_ids, ','), e.object_type, e.object_id, e.action, e.outcome, e.basis,
          array_to_string(e.consent_ids, ','), e.emergency, e.channel, e.route, e.ip, e.user_agent, e.session_id, e.details::text, e.prev_hash)
      $$;
      CREATE FUNCTION tandem_access_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7513);
        NEW.id := nextval(pg_get_serial_sequence('access_log', 'id'));
        NEW.at := clock_timestamp();
        SELECT hash INTO last_hash FROM access_log ORDER BY id DESC LIMIT 1;
        NEW.prev_hash := coalesce(last_hash, 'GENESIS');
        NEW.hash := encode(sha256(convert_to(tandem_access_log_canonical(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$;
      CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION tandem_access_log_chain();
      CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION tandem_forbid();

      -- The application's own role: read and write what it needs, never delete; the access log
      -- only grows.
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tandem_app') THEN CREATE ROLE tandem_app NOLOGIN; END IF;
      END $$;
      GRANT tandem_app TO CURRENT_USER;
      GRANT USAGE ON SCHEMA public TO tandem_app;
      GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO tandem_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO tandem_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tandem_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON access_log, consent_events, note_revisions FROM tandem_app;
      REVOKE SELECT, INSERT, UPDATE ON migrations FROM tandem_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE access_log; DROP FUNCTION tandem_access_log_chain; DROP FUNCTION tandem_access_log_canonical;
      DROP TABLE notifications; DROP TABLE emergency_access; DROP TABLE consent_events; DROP TABLE consents; DROP TABLE sharing_agreements;
    `);
  }
}
