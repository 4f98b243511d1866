import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppAbility, can } from '@tandem/ability';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import {
  FIDELITY_ITEMS,
  FidelityFigures,
  IPS_NORMS,
  fidelityLevel,
  scoreDerivedFidelity,
  type Principal,
} from '@tandem/domain';
import {
  CreateFidelityAssessmentDto,
  DashboardQueryDto,
  FidelityAssessmentDto,
  FidelityAssessmentPageDto,
  FidelityAssessmentQueryDto,
  FidelityDto,
  IpsDashboardDto,
  IpsFiguresDto,
} from '../dtos/dashboard.dto';
import { DashboardRepository, FigureRow } from '../repositories/dashboard.repository';
import { IpsAccess, addDays, invalid, iso, today } from './ips-access';

const round = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value)
    ? null
    : Math.round(value * 10 ** digits) / 10 ** digits;
const pct = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole) : null);
const per = (value: number, divisor: number) => (divisor > 0 ? round(value / divisor, 2) : null);

type StoredScores = Record<string, { score: number; comment?: string }>;

/** The IPS dashboard per team and specialist, the fidelity items and the team's self-assessment. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dashboard: DashboardRepository,
    private readonly authz: AuthzService,
    private readonly access: IpsAccess,
  ) {}

  /** The team asked for, or the caller's first team whose dashboard they may read. */
  private async teamOf(
    principal: Principal,
    teamId: string | undefined,
    ability: AppAbility,
  ): Promise<string> {
    if (teamId) {
      if (!can(ability, 'read', 'IpsDashboard', { teamId })) throw notFound('team');
      return teamId;
    }
    const first = principal.teams.find((t) =>
      can(ability, 'read', 'IpsDashboard', { teamId: t.teamId }),
    );
    if (!first) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'The IPS dashboard shows a team’s figures to its members; you are not a member of a team.',
      );
    }
    return first.teamId;
  }

  private async scope(principal: Principal, subject: 'IpsDashboard' | 'FidelityAssessment') {
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', subject, params);
    return { params, scope };
  }

  private figures(row: FigureRow, specialists: number, weeks: number): IpsFiguresDto {
    return {
      activeCaseload: row.activeCaseload,
      caseloadPerSpecialist: per(row.activeCaseload, specialists),
      employerContacts: row.employerContacts,
      faceToFaceContacts: row.faceToFaceContacts,
      employerContactsPerSpecialistPerWeek: per(row.employerContacts, specialists * weeks),
      faceToFacePerSpecialistPerWeek: per(row.faceToFaceContacts, specialists * weeks),
      daysToFirstEmployerContact: {
        referrals: row.referrals,
        count: row.firstContactCount,
        average: round(row.firstContactAvg),
        median: round(row.firstContactMedian),
        within30: row.firstContactWithin30,
        overdue: row.noContactOver30,
      },
      clientsInCompetitiveWork: row.clientsInCompetitiveWork,
      competitiveWorkPct: pct(row.clientsInCompetitiveWork, row.activeCaseload),
      jobStarts: row.jobStarts,
      placementStarts: row.placementStarts,
      timeToFirstJob: {
        count: row.firstJobs,
        average: round(row.timeToFirstJobAvg),
        median: round(row.timeToFirstJobMedian),
      },
      averageHoursPerWeek: round(row.averageHoursPerWeek),
      jobTenureDays: {
        count: row.tenureCount,
        average: round(row.tenureAvg),
        median: round(row.tenureMedian),
      },
      exitsFromBenefit: row.exitsFromBenefit,
    };
  }

  private fidelity(
    row: FigureRow,
    specialists: number,
    weeks: number,
    self: { assessedOn: string; scores: StoredScores } | null,
  ): FidelityDto {
    const figures: FidelityFigures = {
      caseloadPerSpecialist: per(row.activeCaseload, specialists),
      benefitsCounselledPct: pct(row.benefitsCounselled, row.activeCaseload),
      disclosureRecordedPct: pct(row.disclosureRecorded, row.activeCaseload),
      profileUpdatedAfterJobPct: pct(row.profileUpdatedAfterJob, row.endedPlacements),
      daysToFirstFaceToFaceContact: round(row.firstVisitAvg),
      faceToFaceContactsPerSpecialistPerWeek: per(row.faceToFaceContacts, specialists * weeks),
      distinctJobTypesPct: pct(row.distinctJobTitles, row.placementStarts),
      distinctEmployersPct: pct(row.distinctEmployers, row.placementStarts),
      competitivePlacementsPct: pct(row.jobStarts, row.placementStarts),
      followAlongPct: pct(row.workingWithFollowAlong, row.working),
    };
    const values: Record<string, number | null> = {
      S1: figures.caseloadPerSpecialist,
      SV1: figures.benefitsCounselledPct,
      SV2: figures.disclosureRecordedPct,
      SV3: figures.profileUpdatedAfterJobPct,
      SV4: figures.daysToFirstFaceToFaceContact,
      SV6: figures.faceToFaceContactsPerSpecialistPerWeek,
      SV8: figures.distinctJobTypesPct,
      SV9: figures.distinctEmployersPct,
      SV10: figures.competitivePlacementsPct,
      SV12: figures.followAlongPct,
    };
    const derived = scoreDerivedFidelity(figures);
    const items = FIDELITY_ITEMS.map((item) => {
      if (item.derived) {
        const score = derived[item.code];
        return {
          code: item.code,
          section: item.section,
          title: item.title,
          derived: true,
          measure: item.measure ?? null,
          value: values[item.code] ?? null,
          score,
          scoredBy: score === null ? 'NONE' : 'DATA',
          comment: null,
        };
      }
      const own = self?.scores[item.code];
      return {
        code: item.code,
        section: item.section,
        title: item.title,
        derived: false,
        measure: null,
        value: null,
        score: own?.score ?? null,
        scoredBy: own ? 'SELF_ASSESSMENT' : 'NONE',
        comment: own?.comment || null,
      };
    });
    const scored = items.filter((i) => i.score !== null);
    const total = scored.reduce((n, i) => n + (i.score as number), 0);
    return {
      items,
      total,
      scoredItems: scored.length,
      maxTotal: FIDELITY_ITEMS.length * 5,
      level: scored.length === FIDELITY_ITEMS.length ? fidelityLevel(total) : null,
      selfAssessedOn: self?.assessedOn ?? null,
    };
  }

  async get(principal: Principal, query: DashboardQueryDto): Promise<IpsDashboardDto> {
    const ability = await this.authz.abilityFor(principal);
    const teamId = await this.teamOf(principal, query.teamId, ability);
    const to = query.to ?? today();
    const from = query.from ?? addDays(to, -90);
    if (from > to) throw invalid('to', 'afterFrom', 'to must be on or after from');
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days > 731) throw invalid('to', 'maxPeriod', 'the period may be at most two years');
    const weeks = days / 7;

    let q = await this.scope(principal, 'IpsDashboard');
    const team = await this.dashboard.team(q.scope, q.params, teamId);
    if (!team) throw notFound('team');
    q = await this.scope(principal, 'IpsDashboard');
    const specialists = await this.dashboard.specialists(q.scope, q.params, teamId, from, to);
    q = await this.scope(principal, 'IpsDashboard');
    const teamRow = await this.dashboard.figures(q.scope, q.params, teamId, null, from, to);
    const perSpecialist = [];
    for (const s of specialists) {
      q = await this.scope(principal, 'IpsDashboard');
      const row = await this.dashboard.figures(q.scope, q.params, teamId, s.userId, from, to);
      perSpecialist.push({ ...s, figures: this.figures(row, 1, weeks) });
    }
    q = await this.scope(principal, 'IpsDashboard');
    const series = await this.dashboard.series(q.scope, q.params, teamId, from, to);
    const a = await this.scope(principal, 'FidelityAssessment');
    const latest = (await this.dashboard.assessments(a.scope, a.params, teamId, 1, 1)).rows[0];
    this.access.recordTeam(principal, 'READ', 'IpsDashboard', teamId, {
      from,
      to,
      specialists: specialists.length,
    });
    return {
      teamId,
      teamName: team.name,
      from,
      to,
      weeks: round(weeks, 2) as number,
      norms: { ...IPS_NORMS },
      team: this.figures(teamRow, specialists.length, weeks),
      specialists: perSpecialist,
      series,
      fidelity: this.fidelity(
        teamRow,
        specialists.length,
        weeks,
        latest ? { assessedOn: latest.assessedOn, scores: latest.scores } : null,
      ),
    };
  }

  private assessmentDto(row: {
    id: string;
    teamId: string;
    assessedOn: string;
    scores: StoredScores;
    comment: string;
    authorName: string;
    createdAt: Date;
  }): FidelityAssessmentDto {
    const scores = Object.entries(row.scores).map(([item, s]) => ({
      item,
      score: s.score,
      comment: s.comment ?? '',
    }));
    return {
      id: row.id,
      teamId: row.teamId,
      assessedOn: row.assessedOn,
      scores,
      total: scores.reduce((n, s) => n + s.score, 0),
      comment: row.comment,
      authorName: row.authorName,
      createdAt: iso(row.createdAt) as string,
    };
  }

  async assessments(
    principal: Principal,
    query: FidelityAssessmentQueryDto,
  ): Promise<FidelityAssessmentPageDto> {
    const ability = await this.authz.abilityFor(principal);
    const teamId = await this.teamOf(principal, query.teamId, ability);
    const { scope, params } = await this.scope(principal, 'FidelityAssessment');
    const { rows, total } = await this.dashboard.assessments(
      scope,
      params,
      teamId,
      query.page,
      query.pageSize,
    );
    this.access.recordTeam(principal, 'READ', 'FidelityAssessment', null, {
      teamId,
      returned: rows.length,
    });
    return {
      items: rows.map((r) => this.assessmentDto(r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A new self-assessment; earlier ones stay as the history of scores. */
  async createAssessment(
    principal: Principal,
    dto: CreateFidelityAssessmentDto,
  ): Promise<FidelityAssessmentDto> {
    const ability = await this.authz.abilityFor(principal);
    const teamId = await this.teamOf(principal, dto.teamId, ability);
    await this.authz.assert(
      principal,
      'create',
      'FidelityAssessment',
      { teamId },
      {
        what: 'team',
        message:
          'The team’s IPS specialists, team lead or regiebehandelaar fill in the self-assessment.',
      },
    );
    const seen = new Set<string>();
    dto.scores.forEach((s, i) => {
      if (seen.has(s.item))
        throw invalid(`scores.${i}.item`, 'unique', `item ${s.item} is scored twice`);
      seen.add(s.item);
    });
    if (dto.assessedOn > today())
      throw invalid('assessedOn', 'notFuture', 'assessedOn cannot be in the future');
    const scores: StoredScores = Object.fromEntries(
      dto.scores.map((s) => [s.item, { score: s.score, comment: s.comment ?? '' }]),
    );
    const id = await this.db.transaction((m) =>
      this.dashboard.insertAssessment(m, {
        teamId,
        assessedOn: dto.assessedOn,
        scores,
        comment: dto.comment ?? '',
        authorId: principal.userId,
      }),
    );
    this.access.recordTeam(principal, 'CREATE', 'FidelityAssessment', id, { teamId });
    const { scope, params } = await this.scope(principal, 'FidelityAssessment');
    const created = (await this.dashboard.assessments(scope, params, teamId, 1, 100)).rows.find(
      (r) => r.id === id,
    );
    return this.assessmentDto(created!);
  }
}
