import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which access-log entries are about which client, one row per client and entry, kept by a
 * trigger. An entry names one client (`client_id`) or several (`client_ids`, for lists); finding a
 * client's entries through both took a bitmap scan over hundreds of scattered pages of a
 * million-entry log (the passport's "who looked at my data" was most of the database's time under
 * load). With this table the count is an index-only scan and a page of entries is 25 look-ups.
 *
 * Like the log itself the table only grows: the application role may read it and (through the
 * trigger) add to it, never change or remove rows. The backfill builds the index afterwards.
 */
export class AccessLogClients1764800000000 implements MigrationInterface {
  name = 'AccessLogClients1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_log_clients (
        client_id uuid NOT NULL,
        log_id bigint NOT NULL
      );
      INSERT INTO access_log_clients (client_id, log_id)
        SELECT DISTINCT c, l.id
          FROM access_log l
          CROSS JOIN LATERAL unnest(array_append(coalesce(l.client_ids, '{}'), l.client_id)) AS c
         WHERE c IS NOT NULL;
      ALTER TABLE access_log_clients ADD PRIMARY KEY (client_id, log_id);
      ANALYZE access_log_clients;

      -- Once per statement: a group commit of many entries adds their rows in one INSERT.
      CREATE FUNCTION tandem_access_log_clients_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO access_log_clients (client_id, log_id)
          SELECT DISTINCT c, n.id
            FROM new_entries n
            CROSS JOIN LATERAL unnest(array_append(coalesce(n.client_ids, '{}'), n.client_id)) AS c
           WHERE c IS NOT NULL;
        RETURN NULL;
      END $$;
      CREATE TRIGGER access_log_clients_fill AFTER INSERT ON access_log
        REFERENCING NEW TABLE AS new_entries
        FOR EACH STATEMENT EXECUTE FUNCTION tandem_access_log_clients_fill();
      CREATE TRIGGER access_log_clients_append_only BEFORE UPDATE OR DELETE ON access_log_clients
        FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER access_log_clients_no_truncate BEFORE TRUNCATE ON access_log_clients
        FOR EACH STATEMENT EXECUTE FUNCTION tandem_forbid();
      REVOKE ALL ON access_log_clients FROM tandem_app;
      GRANT SELECT, INSERT ON access_log_clients TO tandem_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER access_log_clients_fill ON access_log;
      DROP FUNCTION tandem_access_log_clients_fill;
      DROP TABLE access_log_clients;
    `);
  }
}
