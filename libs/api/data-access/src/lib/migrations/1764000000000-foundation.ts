import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users, teams, clients, assignments and sign-in sessions. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('GGZ','GEMEENTE','UWV','IPS_AANBIEDER')),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('FACT','IPS','VIP'))
      );
      CREATE INDEX teams_organisation_idx ON teams (organisation_id);

      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        first_name text NOT NULL,
        last_name text NOT NULL,
        date_of_birth date NOT NULL,
        pseudonym text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX clients_team_idx ON clients (team_id, last_name, first_name);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        client_id uuid REFERENCES clients(id),
        locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl','en')),
        active boolean NOT NULL DEFAULT true,
        failed_login_count int NOT NULL DEFAULT 0,
        last_failed_login_at timestamptz,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_uq ON users (email);
      CREATE INDEX users_organisation_idx ON users (organisation_id);

      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX team_members_user_idx ON team_members (user_id);

      CREATE TABLE client_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('REGIEBEHANDELAAR','KEY_WORKER','IPS_SPECIALIST','KLANTMANAGER','ARBEIDSDESKUNDIGE')),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      );
      CREATE INDEX client_assignments_client_idx ON client_assignments (client_id) WHERE ended_at IS NULL;
      CREATE INDEX client_assignments_user_idx ON client_assignments (user_id, client_id) WHERE ended_at IS NULL;
      -- One active regiebehandelaar per client (domain brief: "role, one per client").
      CREATE UNIQUE INDEX client_assignments_one_regie_uq ON client_assignments (client_id)
        WHERE kind = 'REGIEBEHANDELAAR' AND ended_at IS NULL;

      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        refresh_token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        user_agent text,
        ip_address text
      );
      CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL;
      CREATE UNIQUE INDEX auth_sessions_refresh_uq ON auth_sessions (refresh_token_hash);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE auth_sessions; DROP TABLE client_assignments; DROP TABLE team_members;
      DROP TABLE users; DROP TABLE clients; DROP TABLE teams; DROP TABLE organisations;
    `);
  }
}
