import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participation passport (issue 7): the client proposes work goals of her own. A proposal is
 * the client's words, kept as written (append-only); the IPS specialist takes it up by writing a
 * work goal with her. Readable by whoever reads the client's work goals.
 */
export class GoalProposals1764500000000 implements MigrationInterface {
  name = 'GoalProposals1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ips_work_goal_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        author_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 3 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ips_work_goal_proposals_client_idx ON ips_work_goal_proposals (client_id, created_at DESC);
      CREATE TRIGGER ips_work_goal_proposals_append_only BEFORE UPDATE OR DELETE ON ips_work_goal_proposals
        FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      REVOKE UPDATE, DELETE, TRUNCATE ON ips_work_goal_proposals FROM tandem_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ips_work_goal_proposals');
  }
}
