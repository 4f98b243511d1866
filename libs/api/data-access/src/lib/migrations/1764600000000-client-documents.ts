import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents a client shares herself from the passport (issue 7), e.g. a letter from her doctor:
 * one file, one named recipient (a person who works with her), one purpose and a period that ends.
 * Medical files reach the work world only this way, when the client provides them (domain brief
 * §2.2). A share is never deleted; the client revokes it and it stops opening on the next request.
 */
export class ClientDocuments1764600000000 implements MigrationInterface {
  name = 'ClientDocuments1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        mime text NOT NULL CHECK (mime IN ('application/pdf','image/png','image/jpeg')),
        size_bytes int NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 2097152),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        recipient_user_id uuid NOT NULL REFERENCES users(id),
        recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
        purpose text NOT NULL CHECK (purpose IN ('IPS_TRAJECT','UITKERING','CASUSOVERLEG','DRIEGESPREK')),
        message text CHECK (char_length(message) <= 500),
        valid_from date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until > valid_from AND valid_until <= valid_from + 731),
        shared_by uuid NOT NULL REFERENCES users(id),
        shared_at timestamptz NOT NULL DEFAULT now(),
        revoked_by uuid REFERENCES users(id),
        revoked_at timestamptz,
        version int NOT NULL DEFAULT 1,
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      );
      CREATE INDEX client_documents_client_idx ON client_documents (client_id, shared_at DESC);
      CREATE INDEX client_documents_recipient_idx ON client_documents (recipient_user_id, valid_until);
      CREATE TRIGGER client_documents_no_delete BEFORE DELETE ON client_documents FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      -- Only the revocation (and the version) may change after sharing.
      CREATE FUNCTION tandem_client_documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.client_id, NEW.title, NEW.file_name, NEW.mime, NEW.sha256, NEW.content, NEW.recipient_user_id,
            NEW.recipient_organisation_id, NEW.purpose, NEW.message, NEW.valid_from, NEW.valid_until, NEW.shared_by, NEW.shared_at)
           IS DISTINCT FROM
           (OLD.client_id, OLD.title, OLD.file_name, OLD.mime, OLD.sha256, OLD.content, OLD.recipient_user_id,
            OLD.recipient_organisation_id, OLD.purpose, OLD.message, OLD.valid_from, OLD.valid_until, OLD.shared_by, OLD.shared_at)
           OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at) THEN
          RAISE EXCEPTION 'a shared document only changes by being revoked, once' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER client_documents_guard BEFORE UPDATE ON client_documents FOR EACH ROW EXECUTE FUNCTION tandem_client_documents_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE client_documents; DROP FUNCTION tandem_client_documents_guard()');
  }
}
