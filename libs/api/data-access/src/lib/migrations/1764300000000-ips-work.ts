import { MigrationInterface, QueryRunner } from 'typeorm';

const PHASES = `'INTAKE','ASSESSMENT','JOB_FINDING','COACHING','AFTERCARE','ENDED'`;
const BENEFITS = `'BIJSTAND','WW','ZW','WIA','WAJONG','GEEN'`;
const FUNDERS = `'ZVW','GEMEENTE_PARTICIPATIEWET','GEMEENTE_WMO','UWV','WERKGEVER','CLIENT'`;
const ACTIVITY_KINDS = `'TREATMENT','MOTIVATIONAL_CONVERSATION','CASE_MANAGEMENT','CARE_SUPPORT','IPS_INTAKE','JOB_SEARCH',
  'JOB_DEVELOPMENT','JOB_COACHING','BENEFITS_COUNSELLING','IPS_TEAM_REPORT','DAY_ACTIVITY','SOCIAL_SUPPORT'`;

/**
 * IPS work (issue 6): trajectories with their phase/benefit history and vocational profile
 * versions, the team's employer register and employer contacts, placements, work goals with the
 * regiebehandelaar's reviews and the client's comments, activities with their funding
 * classification (and overrides, with the original kept), insurer caps, and the team's fidelity
 * self-assessments. History tables only grow: the application role may not update them and a
 * trigger refuses updates and deletes for everyone.
 */
export class IpsWork1764300000000 implements MigrationInterface {
  name = 'IpsWork1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ips_insurer_caps (
        insurer text PRIMARY KEY CHECK (insurer ~ '^[A-Z0-9_]{2,40}$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 200),
        motivational_cap int NOT NULL CHECK (motivational_cap BETWEEN 0 AND 50),
        version int NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE ips_trajectories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        specialist_id uuid NOT NULL REFERENCES users(id),
        referral_date date NOT NULL,
        phase text NOT NULL CHECK (phase IN (${PHASES})),
        phase_since date NOT NULL,
        benefit text NOT NULL CHECK (benefit IN (${BENEFITS})),
        health_insurer text REFERENCES ips_insurer_caps(insurer),
        ended_on date,
        end_reason text CHECK (end_reason IN ('WORK_SUSTAINED','CLIENT_STOPPED','REFERRED_ELSEWHERE','MOVED','HEALTH','OTHER')),
        profile_version int NOT NULL DEFAULT 0 CHECK (profile_version >= 0),
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((phase = 'ENDED') = (ended_on IS NOT NULL)),
        CHECK ((phase = 'ENDED') = (end_reason IS NOT NULL)),
        CHECK (ended_on IS NULL OR ended_on >= referral_date),
        CHECK (phase_since >= referral_date)
      );
      -- One open trajectory per client; ended ones stay as history.
      CREATE UNIQUE INDEX ips_trajectories_one_open_uq ON ips_trajectories (client_id) WHERE phase <> 'ENDED';
      CREATE INDEX ips_trajectories_client_idx ON ips_trajectories (client_id, referral_date DESC);
      CREATE INDEX ips_trajectories_specialist_idx ON ips_trajectories (specialist_id, referral_date);

      CREATE TABLE ips_trajectory_events (
        id bigserial PRIMARY KEY,
        trajectory_id uuid NOT NULL REFERENCES ips_trajectories(id),
        event text NOT NULL CHECK (event IN ('REGISTERED','PHASE','BENEFIT','INSURER','ENDED')),
        effective_on date NOT NULL,
        phase text CHECK (phase IN (${PHASES})),
        from_benefit text CHECK (from_benefit IN (${BENEFITS})),
        to_benefit text CHECK (to_benefit IN (${BENEFITS})),
        through_work boolean,
        end_reason text,
        insurer text,
        actor_id uuid NOT NULL REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        CHECK (event <> 'BENEFIT' OR (from_benefit IS NOT NULL AND to_benefit IS NOT NULL AND through_work IS NOT NULL))
      );
      CREATE INDEX ips_trajectory_events_trajectory_idx ON ips_trajectory_events (trajectory_id, id);
      CREATE INDEX ips_trajectory_events_benefit_idx ON ips_trajectory_events (effective_on) WHERE event = 'BENEFIT';

      CREATE TABLE ips_employers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 200),
        sector text NOT NULL DEFAULT '' CHECK (char_length(sector) <= 200),
        city text NOT NULL DEFAULT '' CHECK (char_length(city) <= 100),
        phone text NOT NULL DEFAULT '' CHECK (char_length(phone) <= 40),
        email text NOT NULL DEFAULT '' CHECK (char_length(email) <= 200),
        notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 4000),
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX ips_employers_team_name_uq ON ips_employers (team_id, lower(name));

      CREATE TABLE ips_employer_contact_persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES ips_employers(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 200),
        role text NOT NULL DEFAULT '' CHECK (char_length(role) <= 200),
        phone text NOT NULL DEFAULT '' CHECK (char_length(phone) <= 40),
        email text NOT NULL DEFAULT '' CHECK (char_length(email) <= 200),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ips_employer_contact_persons_employer_idx ON ips_employer_contact_persons (employer_id);

      CREATE TABLE ips_employer_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        employer_id uuid NOT NULL REFERENCES ips_employers(id),
        contact_person_id uuid REFERENCES ips_employer_contact_persons(id),
        specialist_id uuid NOT NULL REFERENCES users(id),
        client_id uuid REFERENCES clients(id),
        contact_on date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VISIT','PHONE','EMAIL')),
        outcome text NOT NULL CHECK (outcome IN ('INTRODUCTION','VACANCY','INTERVIEW','PLACEMENT_AGREED','FOLLOW_ALONG','NO_OPENING','OTHER')),
        notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 2000),
        follow_up_on date CHECK (follow_up_on IS NULL OR follow_up_on >= contact_on),
        follow_up text NOT NULL DEFAULT '' CHECK (char_length(follow_up) <= 500),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ips_employer_contacts_specialist_idx ON ips_employer_contacts (specialist_id, contact_on);
      CREATE INDEX ips_employer_contacts_team_idx ON ips_employer_contacts (team_id, contact_on DESC);
      CREATE INDEX ips_employer_contacts_client_idx ON ips_employer_contacts (client_id, contact_on) WHERE client_id IS NOT NULL;
      CREATE INDEX ips_employer_contacts_employer_idx ON ips_employer_contacts (employer_id, contact_on DESC);

      CREATE TABLE ips_placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        trajectory_id uuid NOT NULL REFERENCES ips_trajectories(id),
        employer_id uuid NOT NULL REFERENCES ips_employers(id),
        job_title text NOT NULL CHECK (char_length(job_title) BETWEEN 2 AND 200),
        type text NOT NULL CHECK (type IN ('COMPETITIVE','WORK_EXPERIENCE','VOLUNTEERING','SHELTERED','DAY_ACTIVITY')),
        start_date date NOT NULL,
        end_date date CHECK (end_date IS NULL OR end_date >= start_date),
        hours_per_week numeric(4,1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
        hourly_wage numeric(7,2) CHECK (hourly_wage IS NULL OR (hourly_wage >= 0 AND hourly_wage <= 1000)),
        contract text NOT NULL DEFAULT 'NONE' CHECK (contract IN ('NONE','FIXED_TERM','PERMANENT','ON_CALL','AGENCY')),
        support text[] NOT NULL DEFAULT '{}'
          CHECK (support <@ ARRAY['JOB_COACHING','WAGE_COST_SUBSIDY','NO_RISK_POLICY','APPLICATION_DUTY_EXEMPTION']),
        end_reason text CHECK (end_reason IN ('CONTRACT_ENDED','RESIGNED','DISMISSED','NEXT_JOB','HEALTH','OTHER')),
        notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 2000),
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((end_date IS NULL) = (end_reason IS NULL))
      );
      CREATE INDEX ips_placements_client_idx ON ips_placements (client_id, start_date DESC);
      CREATE INDEX ips_placements_trajectory_idx ON ips_placements (trajectory_id, start_date);
      CREATE INDEX ips_placements_start_idx ON ips_placements (start_date);

      CREATE TABLE ips_vocational_profiles (
        trajectory_id uuid NOT NULL REFERENCES ips_trajectories(id),
        version int NOT NULL CHECK (version >= 1),
        wishes text NOT NULL CHECK (char_length(wishes) <= 4000),
        strengths text NOT NULL CHECK (char_length(strengths) <= 4000),
        experience text NOT NULL CHECK (char_length(experience) <= 4000),
        limitations text NOT NULL CHECK (char_length(limitations) <= 4000),
        preferred_hours_min int CHECK (preferred_hours_min BETWEEN 0 AND 60),
        preferred_hours_max int CHECK (preferred_hours_max BETWEEN 0 AND 60),
        disclosure text NOT NULL CHECK (disclosure IN ('FULL','PARTIAL','NONE','UNDECIDED')),
        reason text NOT NULL CHECK (reason IN ('INTAKE','ASSESSMENT','AFTER_JOB_EXPERIENCE','OTHER')),
        placement_id uuid REFERENCES ips_placements(id),
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (trajectory_id, version),
        CHECK (preferred_hours_min IS NULL OR preferred_hours_max IS NULL OR preferred_hours_min <= preferred_hours_max),
        CHECK (reason <> 'AFTER_JOB_EXPERIENCE' OR placement_id IS NOT NULL)
      );
      CREATE INDEX ips_vocational_profiles_placement_idx ON ips_vocational_profiles (placement_id) WHERE placement_id IS NOT NULL;

      CREATE TABLE ips_work_goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        trajectory_id uuid NOT NULL REFERENCES ips_trajectories(id),
        treatment_goal_id uuid,
        text text NOT NULL CHECK (char_length(text) BETWEEN 3 AND 1000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','ACHIEVED','STOPPED')),
        target_date date,
        review_interval_weeks int NOT NULL DEFAULT 6 CHECK (review_interval_weeks BETWEEN 1 AND 26),
        next_review_on date,
        written_with_client boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'OPEN') = (next_review_on IS NOT NULL))
      );
      CREATE INDEX ips_work_goals_client_idx ON ips_work_goals (client_id, created_at);
      -- The "due for review" list.
      CREATE INDEX ips_work_goals_due_idx ON ips_work_goals (next_review_on) WHERE status = 'OPEN';

      CREATE TABLE ips_work_goal_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES ips_work_goals(id),
        reviewed_on date NOT NULL,
        assessment text NOT NULL CHECK (assessment IN ('ON_TRACK','PARTLY','OFF_TRACK','ACHIEVED','STOP')),
        comment text NOT NULL DEFAULT '' CHECK (char_length(comment) <= 4000),
        next_review_on date CHECK (next_review_on IS NULL OR next_review_on > reviewed_on),
        reviewer_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ips_work_goal_reviews_goal_idx ON ips_work_goal_reviews (goal_id, reviewed_on DESC);

      CREATE TABLE ips_work_goal_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES ips_work_goals(id),
        author_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ips_work_goal_comments_goal_idx ON ips_work_goal_comments (goal_id, created_at);

      CREATE TABLE ips_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        kind text NOT NULL CHECK (kind IN (${ACTIVITY_KINDS})),
        domain text NOT NULL CHECK (domain IN ('TREATMENT','PARTICIPATION','WMO')),
        performed_on date NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        performed_by uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        summary text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 2000),
        in_treatment_plan boolean NOT NULL DEFAULT false,
        directed_by_regiebehandelaar boolean NOT NULL DEFAULT false,
        treatment_goal_id uuid,
        setting text NOT NULL DEFAULT 'SPECIALIST_GGZ' CHECK (setting IN ('SPECIALIST_GGZ','GP')),
        work_related_condition text CHECK (work_related_condition IN ('BURNOUT','ADJUSTMENT_DISORDER')),
        mental_disorder_suspected boolean NOT NULL DEFAULT false,
        covered_by_employer boolean NOT NULL DEFAULT true,
        placement_id uuid REFERENCES ips_placements(id),
        with_whom text CHECK (with_whom IN ('CLIENT','EMPLOYER','BOTH')),
        funder text NOT NULL CHECK (funder IN (${FUNDERS})),
        rule_id text NOT NULL,
        rule_source text NOT NULL,
        funding_reason text NOT NULL,
        override_funder text CHECK (override_funder IN (${FUNDERS})),
        override_reason text CHECK (char_length(override_reason) BETWEEN 10 AND 1000),
        overridden_by uuid REFERENCES users(id),
        overridden_at timestamptz,
        -- The funder the activity counts under: exactly one per activity.
        effective_funder text GENERATED ALWAYS AS (coalesce(override_funder, funder)) STORED,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((override_funder IS NULL) = (override_reason IS NULL)),
        CHECK ((override_funder IS NULL) = (overridden_by IS NULL))
      );
      CREATE INDEX ips_activities_client_idx ON ips_activities (client_id, performed_on, created_at);
      CREATE INDEX ips_activities_period_idx ON ips_activities (performed_on, effective_funder);
      CREATE INDEX ips_activities_placement_idx ON ips_activities (placement_id, performed_on) WHERE placement_id IS NOT NULL;
      CREATE TRIGGER ips_activities_no_delete BEFORE DELETE ON ips_activities FOR EACH ROW EXECUTE FUNCTION tandem_forbid();

      CREATE TABLE ips_activity_funding_events (
        id bigserial PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES ips_activities(id),
        event text NOT NULL CHECK (event IN ('CLASSIFIED','RECLASSIFIED','OVERRIDDEN')),
        funder text NOT NULL CHECK (funder IN (${FUNDERS})),
        rule_id text NOT NULL,
        reason text NOT NULL,
        actor_id uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ips_activity_funding_events_activity_idx ON ips_activity_funding_events (activity_id, id);

      CREATE TABLE ips_fidelity_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES teams(id),
        assessed_on date NOT NULL,
        scores jsonb NOT NULL CHECK (jsonb_typeof(scores) = 'object'),
        comment text NOT NULL DEFAULT '' CHECK (char_length(comment) <= 4000),
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ips_fidelity_assessments_team_idx ON ips_fidelity_assessments (team_id, assessed_on DESC, created_at DESC);

      -- History only grows.
      CREATE TRIGGER ips_trajectory_events_append_only BEFORE UPDATE OR DELETE ON ips_trajectory_events FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER ips_vocational_profiles_append_only BEFORE UPDATE OR DELETE ON ips_vocational_profiles FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER ips_work_goal_reviews_append_only BEFORE UPDATE OR DELETE ON ips_work_goal_reviews FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER ips_work_goal_comments_append_only BEFORE UPDATE OR DELETE ON ips_work_goal_comments FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER ips_activity_funding_events_append_only BEFORE UPDATE OR DELETE ON ips_activity_funding_events FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      CREATE TRIGGER ips_fidelity_assessments_append_only BEFORE UPDATE OR DELETE ON ips_fidelity_assessments FOR EACH ROW EXECUTE FUNCTION tandem_forbid();
      REVOKE UPDATE, DELETE, TRUNCATE ON ips_trajectory_events, ips_vocational_profiles, ips_work_goal_reviews,
        ips_work_goal_comments, ips_activity_funding_events, ips_fidelity_assessments FROM tandem_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE ips_fidelity_assessments; DROP TABLE ips_activity_funding_events; DROP TABLE ips_activities;
      DROP TABLE ips_work_goal_comments; DROP TABLE ips_work_goal_reviews; DROP TABLE ips_work_goals;
      DROP TABLE ips_vocational_profiles; DROP TABLE ips_placements; DROP TABLE ips_employer_contacts;
      DROP TABLE ips_employer_contact_persons; DROP TABLE ips_employers; DROP TABLE ips_trajectory_events;
      DROP TABLE ips_trajectories; DROP TABLE ips_insurer_caps;
    `);
  }
}
