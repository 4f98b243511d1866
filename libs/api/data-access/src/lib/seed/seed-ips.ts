import type { EntityManager } from 'typeorm';
import {
  DEMO_EMPLOYERS,
  DEMO_INSURERS,
  DEMO_TEAMS,
  demoIps,
  demoUser,
  type DemoActivity,
} from '@tandem/demo-data';
import { ACTIVITY_CATALOGUE, ActivityKind, classifyClientActivities } from '@tandem/funding';
import type { BenefitType } from '@tandem/domain';

/** Creation time of seeded rows: noon UTC on their date, so history reads in order. */
const noon = (date: string) => `${date}T12:00:00Z`;

/**
 * The IPS demo data (issue 6), idempotent like the rest of the seed: stable ids and
 * `ON CONFLICT DO NOTHING`; history rows (events, funding classifications) are written only with
 * the row they belong to. Activities are classified with the same rules the API uses.
 */
export async function seedIps(m: EntityManager): Promise<number> {
  let inserted = 0;
  const insert = async (sql: string, params: unknown[]) => {
    const result = await m.query(`${sql} ON CONFLICT DO NOTHING RETURNING 1`, params);
    const added = Array.isArray(result) ? result.length : 0;
    inserted += added;
    return added > 0;
  };
  const ips = demoUser('ips').id;
  const regie = demoUser('regie').id;
  const data = demoIps();

  for (const c of DEMO_INSURERS) {
    await insert(
      'INSERT INTO ips_insurer_caps (insurer, name, motivational_cap, updated_at) VALUES ($1, $2, $3, $4)',
      [c.insurer, c.name, c.cap, noon('2026-01-05')],
    );
  }
  for (const e of DEMO_EMPLOYERS) {
    await insert(
      `INSERT INTO ips_employers (id, team_id, name, sector, city, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [e.id, e.teamId, e.name, e.sector, e.city, ips, noon('2026-01-12')],
    );
    await insert(
      `INSERT INTO ips_employer_contact_persons (id, employer_id, name, role, email, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        e.contactPerson.id,
        e.id,
        e.contactPerson.name,
        e.contactPerson.role,
        e.contactPerson.email,
        ips,
        noon('2026-01-12'),
      ],
    );
  }
  for (const t of data.trajectories) {
    const added = await insert(
      `INSERT INTO ips_trajectories (id, client_id, specialist_id, referral_date, phase, phase_since, benefit, health_insurer,
         ended_on, end_reason, profile_version, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $3, $12, $12)`,
      [
        t.id,
        t.clientId,
        ips,
        t.referralDate,
        t.phase,
        t.phaseSince,
        t.benefit,
        t.insurer,
        t.endedOn,
        t.endReason,
        t.profiles.length,
        noon(t.referralDate),
      ],
    );
    if (!added) continue;
    const events = [...t.events].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
    for (const e of events) {
      await m.query(
        `INSERT INTO ips_trajectory_events (trajectory_id, event, effective_on, phase, from_benefit, to_benefit, through_work,
           end_reason, insurer, actor_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          t.id,
          e.event,
          e.effectiveOn,
          e.phase ?? null,
          e.fromBenefit ?? null,
          e.toBenefit ?? (e.event === 'REGISTERED' ? firstBenefit(t) : null),
          e.throughWork ?? null,
          e.endReason ?? null,
          e.event === 'REGISTERED' ? t.insurer : null,
          ips,
          noon(e.effectiveOn),
        ],
      );
    }
  }
  for (const p of data.placements) {
    await insert(
      `INSERT INTO ips_placements (id, client_id, trajectory_id, employer_id, job_title, type, start_date, end_date, end_reason,
         hours_per_week, hourly_wage, contract, support, notes, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [
        p.id,
        p.clientId,
        p.trajectoryId,
        p.employerId,
        p.jobTitle,
        p.type,
        p.startDate,
        p.endDate,
        p.endReason,
        p.hoursPerWeek,
        p.hourlyWage,
        p.contract,
        p.support,
        p.notes,
        ips,
        noon(p.startDate < '2026-11-24' ? p.startDate : '2026-11-24'),
      ],
    );
  }
  for (const t of data.trajectories) {
    for (const p of t.profiles) {
      await insert(
        `INSERT INTO ips_vocational_profiles (trajectory_id, version, wishes, strengths, experience, limitations,
           preferred_hours_min, preferred_hours_max, disclosure, reason, placement_id, author_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          t.id,
          p.version,
          p.wishes,
          p.strengths,
          p.experience,
          p.limitations,
          p.hoursMin,
          p.hoursMax,
          p.disclosure,
          p.reason,
          p.placementId ?? null,
          ips,
          noon(p.createdOn),
        ],
      );
    }
  }
  for (const c of data.employerContacts) {
    await insert(
      `INSERT INTO ips_employer_contacts (id, team_id, employer_id, contact_person_id, specialist_id, client_id, contact_on,
         kind, outcome, notes, follow_up_on, follow_up, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
      [
        c.id,
        DEMO_TEAMS.noord.id,
        c.employerId,
        c.contactPersonId,
        ips,
        c.clientId,
        c.contactOn,
        c.kind,
        c.outcome,
        c.notes,
        c.followUpOn,
        c.followUp,
        noon(c.contactOn),
      ],
    );
  }
  for (const g of data.workGoals) {
    await insert(
      `INSERT INTO ips_work_goals (id, client_id, trajectory_id, treatment_goal_id, text, target_date, next_review_on,
         created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [
        g.id,
        g.clientId,
        g.trajectoryId,
        g.treatmentGoalId,
        g.text,
        g.targetDate,
        g.nextReviewOn,
        ips,
        noon(g.createdOn),
      ],
    );
    for (const r of g.reviews) {
      await insert(
        `INSERT INTO ips_work_goal_reviews (id, goal_id, reviewed_on, assessment, comment, next_review_on, reviewer_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          r.id,
          g.id,
          r.reviewedOn,
          r.assessment,
          r.comment,
          r.nextReviewOn,
          regie,
          noon(r.reviewedOn),
        ],
      );
    }
    for (const c of g.comments) {
      await insert(
        'INSERT INTO ips_work_goal_comments (id, goal_id, author_id, text, created_at) VALUES ($1, $2, $3, $4, $5)',
        [c.id, g.id, demoUser(c.authorKey).id, c.text, noon(c.on)],
      );
    }
  }

  // Activities, classified per client by the funding rules (the same the API applies).
  const caps = {
    caps: Object.fromEntries(DEMO_INSURERS.map((c) => [c.insurer, c.cap as number])),
    defaultCap: 8,
  };
  const byClient = new Map<string, DemoActivity[]>();
  for (const a of data.activities)
    byClient.set(a.clientId, [...(byClient.get(a.clientId) ?? []), a]);
  for (const [clientId, activities] of byClient) {
    const trajectory = data.trajectories.find((t) => t.clientId === clientId && !t.endedOn);
    const classified = classifyClientActivities(
      activities.map((a) => ({
        id: a.id,
        kind: a.kind as ActivityKind,
        performedOn: a.performedOn,
        sequence: new Date(noon(a.performedOn)).toISOString(),
        inTreatmentPlan: a.inTreatmentPlan,
        directedByRegiebehandelaar: a.directedByRegiebehandelaar,
        setting: a.setting,
        workRelatedCondition: a.workRelatedCondition,
        mentalDisorderSuspected: a.mentalDisorderSuspected,
        coveredByEmployer: a.coveredByEmployer,
      })),
      {
        benefit: (trajectory?.benefit ?? null) as BenefitType | null,
        benefitHistory: trajectory
          ? [...trajectory.events]
              .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))
              .filter((e) => e.event === 'REGISTERED' || e.event === 'BENEFIT')
              .map((e) => ({
                from: e.effectiveOn,
                benefit: e.event === 'REGISTERED' ? firstBenefit(trajectory) : e.toBenefit!,
              }))
          : undefined,
        insurer: trajectory?.insurer ?? null,
      },
      caps,
    );
    for (const a of activities) {
      const c = classified.get(a.id)!;
      const performer = demoUser(a.performerKey);
      const added = await insert(
        `INSERT INTO ips_activities (id, client_id, kind, domain, performed_on, duration_minutes, performed_by, organisation_id,
           summary, in_treatment_plan, directed_by_regiebehandelaar, treatment_goal_id, setting, work_related_condition,
           mental_disorder_suspected, covered_by_employer, placement_id, with_whom, funder, rule_id, rule_source,
           funding_reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
        [
          a.id,
          a.clientId,
          a.kind,
          ACTIVITY_CATALOGUE[a.kind as ActivityKind].domain,
          a.performedOn,
          a.durationMinutes,
          performer.id,
          performer.organisationId,
          a.summary,
          a.inTreatmentPlan,
          a.directedByRegiebehandelaar,
          a.treatmentGoalId,
          a.setting,
          a.workRelatedCondition,
          a.mentalDisorderSuspected,
          a.coveredByEmployer,
          a.placementId,
          a.withWhom,
          c.funder,
          c.ruleId,
          c.source,
          c.reason,
          noon(a.performedOn),
        ],
      );
      if (added) {
        await m.query(
          `INSERT INTO ips_activity_funding_events (activity_id, event, funder, rule_id, reason, actor_id, at)
           VALUES ($1, 'CLASSIFIED', $2, $3, $4, $5, $6)`,
          [a.id, c.funder, c.ruleId, c.reason, performer.id, noon(a.performedOn)],
        );
      }
    }
  }

  for (const f of data.fidelityAssessments) {
    await insert(
      `INSERT INTO ips_fidelity_assessments (id, team_id, assessed_on, scores, comment, author_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        f.id,
        f.teamId,
        f.assessedOn,
        JSON.stringify(
          Object.fromEntries(
            Object.entries(f.scores).map(([item, score]) => [item, { score, comment: '' }]),
          ),
        ),
        f.comment,
        demoUser(f.authorKey).id,
        noon(f.assessedOn),
      ],
    );
  }
  return inserted;
}

/** The benefit at registration: before any recorded change. */
function firstBenefit(t: {
  benefit: BenefitType;
  events: { event: string; fromBenefit?: BenefitType }[];
}) {
  return t.events.find((e) => e.event === 'BENEFIT')?.fromBenefit ?? t.benefit;
}
