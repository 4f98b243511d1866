import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppAbility, can } from '@tandem/ability';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import type { Principal } from '@tandem/domain';
import {
  CreatePlacementDto,
  PlacementDto,
  PlacementPageDto,
  PlacementQueryDto,
  UpdatePlacementDto,
} from '../dtos/placement.dto';
import { ActivitiesRepository } from '../repositories/activities.repository';
import { EmployersRepository } from '../repositories/employers.repository';
import {
  PlacementFields,
  PlacementRow,
  PlacementsRepository,
} from '../repositories/placements.repository';
import { TrajectoriesRepository } from '../repositories/trajectories.repository';
import { IpsAccess, conflict, invalid, iso, versionConflict } from './ips-access';

const toDto = (ability: AppAbility, row: PlacementRow): PlacementDto => ({
  id: row.id,
  clientId: row.clientId,
  trajectoryId: row.trajectoryId,
  employerId: row.employerId,
  employerName: row.employerName,
  jobTitle: row.jobTitle,
  type: row.type,
  competitive: row.type === 'COMPETITIVE',
  startDate: row.startDate,
  endDate: row.endDate,
  endReason: row.endReason,
  hoursPerWeek: Number(row.hoursPerWeek),
  hourlyWage: row.hourlyWage === null ? null : Number(row.hourlyWage),
  contract: row.contract,
  support: row.support,
  notes: row.notes,
  tenureDays: row.tenureDays,
  version: row.version,
  canEdit: can(ability, 'update', 'Placement', { clientId: row.clientId, teamId: row.teamId }),
  createdAt: iso(row.createdAt) as string,
  updatedAt: iso(row.updatedAt) as string,
});

/** Placements: where the client works, how much, with what support; follow-along contacts. */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly placements: PlacementsRepository,
    private readonly trajectories: TrajectoriesRepository,
    private readonly employers: EmployersRepository,
    private readonly activities: ActivitiesRepository,
    private readonly authz: AuthzService,
    private readonly access: IpsAccess,
  ) {}

  async list(
    principal: Principal,
    clientId: string,
    query: PlacementQueryDto,
  ): Promise<PlacementPageDto> {
    const client = await this.access.client(clientId);
    const ability = await this.authz.abilityFor(principal);
    if (!can(ability, 'read', 'Placement', { clientId, teamId: client.teamId }))
      throw notFound('placement');
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Placement', params);
    const { rows, total } = await this.placements.list(
      scope,
      params,
      clientId,
      query.active,
      query.page,
      query.pageSize,
    );
    await this.access.record(principal, 'READ', 'Placement', client, null, {
      placementIds: rows.map((r) => r.id),
    });
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
  ): Promise<PlacementDto> {
    const row = await this.placements.findById(id);
    const ability = await this.authz.abilityFor(principal);
    if (
      !row ||
      row.clientId !== clientId ||
      !can(ability, 'read', 'Placement', { clientId, teamId: row.teamId })
    ) {
      throw notFound('placement');
    }
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Activity', params);
    const followAlong = await this.activities.list(
      scope,
      params,
      { clientId, placementId: id },
      1,
      100,
    );
    await this.access.record(
      principal,
      action,
      'Placement',
      { id: clientId, teamId: row.teamId },
      id,
      {
        followAlong: followAlong.rows.length,
      },
    );
    return {
      ...toDto(ability, row),
      followAlong: followAlong.rows.map((a) => ({
        activityId: a.id,
        performedOn: a.performedOn,
        kind: a.kind,
        withWhom: a.withWhom,
        performedByName: a.performedByName,
        durationMinutes: a.durationMinutes,
      })),
    };
  }

  private async usableEmployer(principal: Principal, employerId: string) {
    const employer = await this.employers.findById(employerId);
    if (
      !employer ||
      !(await this.authz.can(principal, 'read', 'Employer', { teamId: employer.teamId }))
    ) {
      throw invalid(
        'employerId',
        'exists',
        'no employer with this id in a register you use; add the employer first',
      );
    }
    return employer;
  }

  async create(
    principal: Principal,
    clientId: string,
    dto: CreatePlacementDto,
  ): Promise<PlacementDto> {
    const client = await this.access.client(clientId);
    await this.authz.assert(
      principal,
      'create',
      'Placement',
      { clientId, teamId: client.teamId },
      {
        what: 'placement',
        message: 'Only the client’s IPS specialist registers placements.',
      },
    );
    const trajectory = await this.trajectories.findOpen(clientId);
    if (!trajectory) {
      throw conflict(
        'NO_OPEN_TRAJECTORY',
        'This client has no open IPS trajectory. Register the client for IPS first.',
      );
    }
    if (dto.startDate < trajectory.referralDate) {
      throw invalid(
        'startDate',
        'afterReferral',
        `startDate must be on or after the referral date ${trajectory.referralDate}`,
      );
    }
    await this.usableEmployer(principal, dto.employerId);
    const id = await this.db.transaction((m) =>
      this.placements.insert(m, {
        clientId,
        trajectoryId: trajectory.id,
        employerId: dto.employerId,
        jobTitle: dto.jobTitle.trim(),
        type: dto.type,
        startDate: dto.startDate,
        hoursPerWeek: dto.hoursPerWeek,
        hourlyWage: dto.hourlyWage ?? null,
        contract: dto.contract ?? 'NONE',
        support: dto.support ?? [],
        notes: dto.notes ?? '',
        createdBy: principal.userId,
      }),
    );
    return this.get(principal, clientId, id, 'CREATE');
  }

  async update(
    principal: Principal,
    clientId: string,
    id: string,
    dto: UpdatePlacementDto,
  ): Promise<PlacementDto> {
    const row = await this.placements.findById(id);
    if (!row || row.clientId !== clientId) throw notFound('placement');
    await this.authz.assert(
      principal,
      'update',
      'Placement',
      { clientId, teamId: row.teamId },
      {
        what: 'placement',
        message: 'Only the client’s IPS specialist changes placements.',
      },
    );
    const startDate = dto.startDate ?? row.startDate;
    const endDate = dto.endDate === undefined ? row.endDate : dto.endDate;
    if (endDate && endDate < startDate) {
      throw invalid('endDate', 'afterStart', 'endDate must be on or after startDate');
    }
    if (!endDate && dto.endReason) {
      throw invalid('endDate', 'required', 'endDate is required with endReason');
    }
    const endReason = endDate ? (dto.endReason ?? row.endReason) : null;
    if (endDate && !endReason) {
      throw invalid(
        'endReason',
        'required',
        'endReason is required when the placement has an end date',
      );
    }
    const change: PlacementFields = {
      jobTitle: dto.jobTitle?.trim(),
      type: dto.type,
      startDate: dto.startDate,
      hoursPerWeek: dto.hoursPerWeek,
      hourlyWage: dto.hourlyWage,
      contract: dto.contract,
      support: dto.support,
      notes: dto.notes,
      endDate,
      endReason,
    };
    await this.db.transaction(async (m) => {
      if (!(await this.placements.update(m, id, dto.version, change))) {
        const current = await this.placements.findById(id, m);
        const ability = await this.authz.abilityFor(principal);
        throw versionConflict('placement', current ? toDto(ability, current) : null);
      }
    });
    return this.get(principal, clientId, id, 'UPDATE');
  }
}
