import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppAbility, can } from '@tandem/ability';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import { ACTIVITY_CATALOGUE, FUNDER_LABEL, FUNDING_RULES } from '@tandem/funding';
import type { Principal, RecordDomain } from '@tandem/domain';
import {
  ActivityDto,
  ActivityPageDto,
  ActivityQueryDto,
  CreateActivityDto,
  OverrideFundingDto,
} from '../dtos/activity.dto';
import { ActivitiesRepository, ActivityRow } from '../repositories/activities.repository';
import { PlacementsRepository } from '../repositories/placements.repository';
import { WorkGoalsRepository } from '../repositories/work-goals.repository';
import { FundingService } from './funding.service';
import { ClientRef, IpsAccess, invalid, iso, versionConflict } from './ips-access';

const DOMAINS = ['TREATMENT', 'PARTICIPATION', 'WMO'] as const;

const subjectOf = (row: Pick<ActivityRow, 'clientId' | 'teamId' | 'domain' | 'performedBy'>) => ({
  clientId: row.clientId,
  teamId: row.teamId,
  domain: row.domain,
  performedBy: row.performedBy,
});

function toDto(ability: AppAbility, row: ActivityRow): ActivityDto {
  const overridden = row.overrideFunder !== null;
  return {
    id: row.id,
    clientId: row.clientId,
    kind: row.kind,
    kindLabel: ACTIVITY_CATALOGUE[row.kind]?.label ?? row.kind,
    domain: row.domain,
    performedOn: row.performedOn,
    durationMinutes: row.durationMinutes,
    performedById: row.performedBy,
    performedByName: row.performedByName,
    summary: row.summary,
    inTreatmentPlan: row.inTreatmentPlan,
    directedByRegiebehandelaar: row.directedByRegiebehandelaar,
    setting: row.setting,
    workRelatedCondition: row.workRelatedCondition,
    mentalDisorderSuspected: row.mentalDisorderSuspected,
    coveredByEmployer: row.coveredByEmployer,
    placementId: row.placementId,
    withWhom: row.withWhom,
    classification: {
      funder: row.effectiveFunder,
      funderLabel: FUNDER_LABEL[row.effectiveFunder],
      reason: overridden ? (row.overrideReason as string) : row.fundingReason,
      overridden,
      rule: {
        funder: row.funder,
        ruleId: row.ruleId,
        source: row.ruleSource,
        reason: row.fundingReason,
      },
      override: overridden
        ? {
            funder: row.overrideFunder!,
            reason: row.overrideReason as string,
            byName: row.overriddenByName ?? '',
            at: iso(row.overriddenAt) as string,
          }
        : null,
    },
    canOverride: can(ability, 'override', 'Activity', subjectOf(row)),
    version: row.version,
    createdAt: iso(row.createdAt) as string,
  };
}

/** Activities (every contact, from the catalogue) with who pays for them and why. */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly activities: ActivitiesRepository,
    private readonly placements: PlacementsRepository,
    private readonly goals: WorkGoalsRepository,
    private readonly funding: FundingService,
    private readonly authz: AuthzService,
    private readonly access: IpsAccess,
  ) {}

  /** Record domains of this client's activities the caller may read (none: the activities are hidden). */
  private readableDomains(
    ability: AppAbility,
    principal: Principal,
    client: ClientRef,
  ): RecordDomain[] {
    return DOMAINS.filter((domain) =>
      can(ability, 'read', 'Activity', {
        clientId: client.id,
        teamId: client.teamId,
        domain,
        performedBy: principal.userId,
      }),
    );
  }

  async list(
    principal: Principal,
    clientId: string,
    query: ActivityQueryDto,
  ): Promise<ActivityPageDto> {
    const client = await this.access.client(clientId);
    const ability = await this.authz.abilityFor(principal);
    const domains = this.readableDomains(ability, principal, client);
    if (!domains.length) throw notFound('activity');
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Activity', params);
    const { rows, total } = await this.activities.list(
      scope,
      params,
      { clientId, kind: query.kind, funder: query.funder, from: query.from, to: query.to },
      query.page,
      query.pageSize,
    );
    await this.access.record(
      principal,
      'READ',
      'Activity',
      client,
      null,
      { activityIds: rows.map((r) => r.id) },
      [...new Set(rows.map((r) => r.domain))],
    );
    return {
      items: rows.map((r) => toDto(ability, r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(
    principal: Principal,
    clientId: string,
    id: string,
    action: 'READ' | 'CREATE' | 'UPDATE' = 'READ',
  ): Promise<ActivityDto> {
    const row = await this.activities.findById(id);
    const ability = await this.authz.abilityFor(principal);
    if (!row || row.clientId !== clientId || !can(ability, 'read', 'Activity', subjectOf(row))) {
      throw notFound('activity');
    }
    const history = await this.activities.fundingHistory(id);
    await this.access.record(
      principal,
      action,
      'Activity',
      { id: clientId, teamId: row.teamId },
      id,
      undefined,
      [row.domain],
    );
    return {
      ...toDto(ability, row),
      fundingHistory: history.map((h) => ({ ...h, at: iso(h.at) as string })),
    };
  }

  async create(
    principal: Principal,
    clientId: string,
    dto: CreateActivityDto,
  ): Promise<ActivityDto> {
    const client = await this.access.client(clientId);
    const ability = await this.authz.abilityFor(principal);
    if (!this.readableDomains(ability, principal, client).length) throw notFound('client');
    const info = ACTIVITY_CATALOGUE[dto.kind];
    const subject = {
      clientId,
      teamId: client.teamId,
      domain: info.domain,
      performedBy: principal.userId,
    };
    if (!can(ability, 'create', 'Activity', subject)) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        `You may not register "${info.label}" for this client: it is a ${info.domain.toLowerCase()} activity. Choose a kind from your own work.`,
      );
    }
    if (dto.workRelatedCondition && dto.kind !== 'TREATMENT') {
      throw invalid(
        'workRelatedCondition',
        'treatmentOnly',
        'workRelatedCondition applies to TREATMENT activities only',
      );
    }
    if (dto.treatmentGoalId) {
      if (!can(ability, 'read', 'Plan', { clientId, teamId: client.teamId, domain: 'TREATMENT' })) {
        throw new DomainError(
          HttpStatus.FORBIDDEN,
          'FORBIDDEN',
          'Only care staff link an activity to the treatment plan.',
        );
      }
      const goals = await this.goals.treatmentGoals(clientId);
      if (!goals.some((g) => g.id === dto.treatmentGoalId)) {
        throw invalid(
          'treatmentGoalId',
          'exists',
          'treatmentGoalId must be a goal of this client’s treatment plan',
        );
      }
    }
    if (dto.placementId) {
      const placement = await this.placements.findById(dto.placementId);
      if (!placement || placement.clientId !== clientId) {
        throw invalid(
          'placementId',
          'exists',
          'placementId must be one of this client’s placements',
        );
      }
    }
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    const facts = {
      id,
      kind: dto.kind,
      performedOn: dto.performedOn,
      sequence: createdAt,
      inTreatmentPlan: dto.inTreatmentPlan ?? Boolean(dto.treatmentGoalId),
      directedByRegiebehandelaar: dto.directedByRegiebehandelaar ?? false,
      setting: dto.setting ?? 'SPECIALIST_GGZ',
      workRelatedCondition: dto.workRelatedCondition ?? null,
      mentalDisorderSuspected: dto.mentalDisorderSuspected ?? false,
      coveredByEmployer: dto.coveredByEmployer ?? true,
    };
    await this.db.transaction(async (m) => {
      const { pending } = await this.funding.reclassifyClient(m, clientId, principal.userId, facts);
      const classification = pending!;
      await this.activities.insert(
        m,
        {
          ...facts,
          id,
          clientId,
          domain: info.domain,
          durationMinutes: dto.durationMinutes,
          performedBy: principal.userId,
          organisationId: principal.organisationId,
          summary: dto.summary?.trim() ?? '',
          treatmentGoalId: dto.treatmentGoalId ?? null,
          placementId: dto.placementId ?? null,
          withWhom: dto.withWhom ?? null,
          createdAt,
        },
        classification,
      );
      await this.activities.addFundingEvent(m, {
        activityId: id,
        event: 'CLASSIFIED',
        funder: classification.funder,
        ruleId: classification.ruleId,
        reason: classification.reason,
        actorId: principal.userId,
      });
      // Checked again on the stored row: if the client moved team meanwhile, nothing is written.
      const stored = await this.activities.findById(id, m);
      if (!stored || !can(ability, 'create', 'Activity', subjectOf(stored))) {
        throw new DomainError(
          HttpStatus.FORBIDDEN,
          'FORBIDDEN',
          'The client’s file changed while you were writing; reload and try again.',
        );
      }
    });
    return this.get(principal, clientId, id, 'CREATE');
  }

  /** A professional sets who pays, with a reason; the rules' outcome stays next to it. */
  async override(
    principal: Principal,
    clientId: string,
    id: string,
    dto: OverrideFundingDto,
  ): Promise<ActivityDto> {
    const row = await this.activities.findById(id);
    if (!row || row.clientId !== clientId) throw notFound('activity');
    await this.authz.assert(principal, 'override', 'Activity', subjectOf(row), {
      what: 'activity',
      message:
        'Only care staff of the client’s team, or the client’s IPS specialist for work activities, may change who pays.',
    });
    if (dto.reason.trim().length < 10) {
      throw invalid(
        'reason',
        'minLength',
        'reason must say in at least 10 characters why you override',
      );
    }
    await this.db.transaction(async (m) => {
      const ok = await this.activities.override(m, id, dto.version, {
        funder: dto.funder,
        reason: dto.reason.trim(),
        userId: principal.userId,
      });
      if (!ok) {
        const current = await this.activities.findById(id, m);
        const ability = await this.authz.abilityFor(principal);
        throw versionConflict('activity', current ? toDto(ability, current) : null);
      }
      await this.activities.addFundingEvent(m, {
        activityId: id,
        event: 'OVERRIDDEN',
        funder: dto.funder,
        ruleId: FUNDING_RULES.OVERRIDE.id,
        reason: dto.reason.trim(),
        actorId: principal.userId,
      });
    });
    return this.get(principal, clientId, id, 'UPDATE');
  }
}
