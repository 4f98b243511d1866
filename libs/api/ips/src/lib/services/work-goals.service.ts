import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppAbility, can } from '@tandem/ability';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import { WORK_GOAL_REVIEW_WEEKS, type Principal, type WorkGoalStatus } from '@tandem/domain';
import {
  CommentWorkGoalDto,
  CreateWorkGoalDto,
  DueWorkGoalPageDto,
  DueWorkGoalsQueryDto,
  ReviewWorkGoalDto,
  UpdateWorkGoalDto,
  WorkGoalCommentDto,
  WorkGoalDto,
  WorkGoalPageDto,
  WorkGoalQueryDto,
  WorkGoalReviewDto,
} from '../dtos/work-goal.dto';
import { TrajectoriesRepository } from '../repositories/trajectories.repository';
import {
  WorkGoalChange,
  WorkGoalReviewRow,
  WorkGoalRow,
  WorkGoalsRepository,
} from '../repositories/work-goals.repository';
import { IpsAccess, addDays, conflict, invalid, iso, today, versionConflict } from './ips-access';

const reviewDto = (r: WorkGoalReviewRow): WorkGoalReviewDto => ({
  id: r.id,
  reviewedOn: r.reviewedOn,
  assessment: r.assessment,
  comment: r.comment,
  nextReviewOn: r.nextReviewOn,
  reviewer: { userId: r.reviewerId, displayName: r.reviewerName },
  createdAt: iso(r.createdAt) as string,
});

const FIELDS = [
  'text',
  'status',
  'targetDate',
  'reviewIntervalWeeks',
  'writtenWithClient',
  'treatmentGoalId',
] as const;

/**
 * Work goals, written with the client and linked to the trajectory (and by care staff to a goal of
 * the treatment plan); the regiebehandelaar reviews them at an interval; the client comments.
 */
@Injectable()
export class WorkGoalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly goals: WorkGoalsRepository,
    private readonly trajectories: TrajectoriesRepository,
    private readonly authz: AuthzService,
    private readonly access: IpsAccess,
  ) {}

  private async toDto(
    ability: AppAbility,
    row: WorkGoalRow,
    treatmentGoals?: Map<string, string>,
  ): Promise<WorkGoalDto> {
    const subject = { clientId: row.clientId, teamId: row.teamId };
    // The link's content (a goal of the treatment plan) is for those who may read that plan.
    const careView = can(ability, 'read', 'Plan', { ...subject, domain: 'TREATMENT' });
    const dto: WorkGoalDto = {
      id: row.id,
      clientId: row.clientId,
      trajectoryId: row.trajectoryId,
      text: row.text,
      status: row.status,
      targetDate: row.targetDate,
      reviewIntervalWeeks: row.reviewIntervalWeeks,
      nextReviewOn: row.nextReviewOn,
      dueForReview: row.dueForReview,
      writtenWithClient: row.writtenWithClient,
      linkedToTreatmentPlan: row.treatmentGoalId !== null,
      lastReview: row.lastReview ? reviewDto(row.lastReview) : null,
      commentCount: row.commentCount,
      version: row.version,
      canEdit: can(ability, 'update', 'WorkGoal', subject, 'text'),
      canReview: row.status === 'OPEN' && can(ability, 'review', 'WorkGoal', subject),
      canComment: can(ability, 'comment', 'WorkGoal', subject),
      createdAt: iso(row.createdAt) as string,
      updatedAt: iso(row.updatedAt) as string,
    };
    if (careView) {
      const texts =
        treatmentGoals ??
        new Map((await this.goals.treatmentGoals(row.clientId)).map((g) => [g.id, g.text]));
      dto.treatmentGoal = row.treatmentGoalId
        ? { id: row.treatmentGoalId, text: texts.get(row.treatmentGoalId) ?? '' }
        : null;
    }
    return dto;
  }

  async list(
    principal: Principal,
    clientId: string,
    query: WorkGoalQueryDto,
  ): Promise<WorkGoalPageDto> {
    const client = await this.access.client(clientId);
    const ability = await this.authz.abilityFor(principal);
    if (!can(ability, 'read', 'WorkGoal', { clientId, teamId: client.teamId }))
      throw notFound('work goal');
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'WorkGoal', params);
    const { rows, total } = await this.goals.list(
      scope,
      params,
      clientId,
      query.status,
      query.page,
      query.pageSize,
    );
    const careView = can(ability, 'read', 'Plan', {
      clientId,
      teamId: client.teamId,
      domain: 'TREATMENT',
    });
    const texts = careView
      ? new Map((await this.goals.treatmentGoals(clientId)).map((g) => [g.id, g.text]))
      : undefined;
    await this.access.record(principal, 'READ', 'WorkGoal', client, null, {
      goalIds: rows.map((r) => r.id),
    });
    return {
      items: await Promise.all(rows.map((r) => this.toDto(ability, r, texts))),
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
    objectType = 'WorkGoal',
  ): Promise<WorkGoalDto> {
    const row = await this.goals.findById(id);
    const ability = await this.authz.abilityFor(principal);
    if (
      !row ||
      row.clientId !== clientId ||
      !can(ability, 'read', 'WorkGoal', { clientId, teamId: row.teamId })
    ) {
      throw notFound('work goal');
    }
    const [reviews, comments] = await Promise.all([
      this.goals.reviews(id),
      this.goals.comments(id),
    ]);
    await this.access.record(
      principal,
      action,
      objectType,
      { id: clientId, teamId: row.teamId },
      id,
    );
    return {
      ...(await this.toDto(ability, row)),
      reviews: reviews.map(reviewDto),
      comments: comments.map((k) => ({ ...k, createdAt: iso(k.createdAt) as string })),
    };
  }

  async create(
    principal: Principal,
    clientId: string,
    dto: CreateWorkGoalDto,
  ): Promise<WorkGoalDto> {
    const client = await this.access.client(clientId);
    await this.authz.assert(
      principal,
      'create',
      'WorkGoal',
      { clientId, teamId: client.teamId },
      {
        what: 'work goal',
        message: 'Only the client’s IPS specialist writes work goals with the client.',
      },
    );
    const trajectory = await this.trajectories.findOpen(clientId);
    if (!trajectory) {
      throw conflict(
        'NO_OPEN_TRAJECTORY',
        'This client has no open IPS trajectory. Register the client for IPS first.',
      );
    }
    const weeks = dto.reviewIntervalWeeks ?? WORK_GOAL_REVIEW_WEEKS;
    const id = await this.db.transaction((m) =>
      this.goals.insert(m, {
        clientId,
        trajectoryId: trajectory.id,
        text: dto.text.trim(),
        targetDate: dto.targetDate ?? null,
        reviewIntervalWeeks: weeks,
        nextReviewOn: dto.firstReviewOn ?? addDays(today(), weeks * 7),
        writtenWithClient: dto.writtenWithClient ?? true,
        createdBy: principal.userId,
      }),
    );
    return this.get(principal, clientId, id, 'CREATE');
  }

  async update(
    principal: Principal,
    clientId: string,
    id: string,
    dto: UpdateWorkGoalDto,
  ): Promise<WorkGoalDto> {
    const row = await this.goals.findById(id);
    if (!row || row.clientId !== clientId) throw notFound('work goal');
    const subject = { clientId, teamId: row.teamId };
    await this.authz.assert(principal, 'update', 'WorkGoal', subject, {
      what: 'work goal',
      message: 'You may not change this work goal.',
    });
    const ability = await this.authz.abilityFor(principal);
    for (const field of FIELDS) {
      if (dto[field] !== undefined && !can(ability, 'update', 'WorkGoal', subject, field)) {
        throw new DomainError(
          HttpStatus.FORBIDDEN,
          'FORBIDDEN',
          field === 'treatmentGoalId'
            ? 'Only care staff link a work goal to the treatment plan.'
            : `Care staff link work goals to the treatment plan; the IPS specialist changes ${field}.`,
          { field },
        );
      }
    }
    if (dto.treatmentGoalId) {
      const goals = await this.goals.treatmentGoals(clientId);
      if (!goals.some((g) => g.id === dto.treatmentGoalId)) {
        throw invalid(
          'treatmentGoalId',
          'exists',
          'treatmentGoalId must be a goal of this client’s treatment plan',
        );
      }
    }
    const change: WorkGoalChange = {
      text: dto.text?.trim(),
      status: dto.status,
      targetDate: dto.targetDate,
      reviewIntervalWeeks: dto.reviewIntervalWeeks,
      writtenWithClient: dto.writtenWithClient,
      treatmentGoalId: dto.treatmentGoalId,
    };
    if (dto.status && dto.status !== row.status) {
      change.nextReviewOn =
        dto.status === 'OPEN'
          ? addDays(today(), (dto.reviewIntervalWeeks ?? row.reviewIntervalWeeks) * 7)
          : null;
    }
    await this.db.transaction(async (m) => {
      if (!(await this.goals.update(m, id, dto.version, change))) {
        const current = await this.goals.findById(id, m);
        throw versionConflict('work goal', current ? await this.toDto(ability, current) : null);
      }
    });
    return this.get(principal, clientId, id, 'UPDATE');
  }

  /** The regiebehandelaar's review: date, assessment, comment and the next review date. */
  async review(
    principal: Principal,
    clientId: string,
    id: string,
    dto: ReviewWorkGoalDto,
  ): Promise<WorkGoalDto> {
    const row = await this.goals.findById(id);
    if (!row || row.clientId !== clientId) throw notFound('work goal');
    await this.authz.assert(
      principal,
      'review',
      'WorkGoal',
      { clientId, teamId: row.teamId },
      {
        what: 'work goal',
        message: 'Only the regiebehandelaar reviews work goals.',
      },
    );
    if (row.status !== 'OPEN') {
      throw conflict(
        'GOAL_CLOSED',
        `This work goal is ${row.status.toLowerCase()}; reopen it before reviewing it.`,
      );
    }
    if (dto.reviewedOn > today()) {
      throw invalid('reviewedOn', 'notFuture', 'reviewedOn cannot be in the future');
    }
    const closes = dto.assessment === 'ACHIEVED' || dto.assessment === 'STOP';
    if (closes && dto.nextReviewOn) {
      throw invalid(
        'nextReviewOn',
        'closed',
        'leave nextReviewOn empty when the review closes the goal',
      );
    }
    const nextReviewOn = closes
      ? null
      : (dto.nextReviewOn ?? addDays(dto.reviewedOn, row.reviewIntervalWeeks * 7));
    if (nextReviewOn !== null && nextReviewOn <= dto.reviewedOn) {
      throw invalid('nextReviewOn', 'afterReview', 'nextReviewOn must be after reviewedOn');
    }
    const status: WorkGoalStatus | undefined =
      dto.assessment === 'ACHIEVED'
        ? 'ACHIEVED'
        : dto.assessment === 'STOP'
          ? 'STOPPED'
          : undefined;
    await this.db.transaction(async (m) => {
      if (!(await this.goals.update(m, id, dto.version, { status, nextReviewOn }))) {
        const current = await this.goals.findById(id, m);
        const ability = await this.authz.abilityFor(principal);
        throw versionConflict('work goal', current ? await this.toDto(ability, current) : null);
      }
      await this.goals.addReview(m, {
        goalId: id,
        reviewedOn: dto.reviewedOn,
        assessment: dto.assessment,
        comment: dto.comment ?? '',
        nextReviewOn,
        reviewerId: principal.userId,
      });
    });
    return this.get(principal, clientId, id, 'UPDATE', 'WorkGoalReview');
  }

  /** The client's comment on her work goal (participation passport). */
  async comment(
    principal: Principal,
    clientId: string,
    id: string,
    dto: CommentWorkGoalDto,
  ): Promise<WorkGoalCommentDto> {
    const row = await this.goals.findById(id);
    if (!row || row.clientId !== clientId) throw notFound('work goal');
    await this.authz.assert(
      principal,
      'comment',
      'WorkGoal',
      { clientId, teamId: row.teamId },
      {
        what: 'work goal',
        message: 'Comments here are the client’s own; professionals write in the client file.',
      },
    );
    const commentId = await this.db.transaction((m) =>
      this.goals.addComment(m, id, principal.userId, dto.text.trim()),
    );
    await this.access.record(
      principal,
      'CREATE',
      'WorkGoalComment',
      { id: clientId, teamId: row.teamId },
      commentId,
    );
    const created = (await this.goals.comments(id)).find((k) => k.id === commentId)!;
    return { ...created, createdAt: iso(created.createdAt) as string };
  }

  /** Goals due for review across the caller's clients: on the board, proposed for the next conference. */
  async due(principal: Principal, query: DueWorkGoalsQueryDto): Promise<DueWorkGoalPageDto> {
    const asOf = query.asOf ?? today();
    const params = new SqlParams();
    const scope = await this.authz.scope(
      principal,
      query.forReview ? 'review' : 'read',
      'WorkGoal',
      params,
    );
    const { rows, total } = await this.goals.due(
      scope,
      params,
      asOf,
      query.teamId,
      query.page,
      query.pageSize,
    );
    await this.access.recordMany(
      principal,
      'SEARCH',
      'WorkGoal',
      rows.map((r) => ({ id: r.clientId, teamId: r.teamId })),
      { due: true, asOf, returned: rows.length, total, forReview: query.forReview ?? false },
    );
    return {
      items: rows.map((r) => ({ ...r, proposedForConference: true })),
      total,
      page: query.page,
      pageSize: query.pageSize,
      asOf,
    };
  }
}
