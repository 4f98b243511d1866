import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys for create endpoints: a retried POST with the same `Idempotency-Key` (per user)
 * gets the first response back instead of creating a second record. Rows expire after 24 hours and
 * are deleted by the application (the only table the application role may delete from: the rows
 * hold a copy of a response, not a record of what happened).
 */
export class IdempotencyKeys1764700000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        status_code int,
        response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key),
        CHECK ((status_code IS NULL) = (response IS NULL))
      );
      CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
      GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO tandem_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
  }
}
