import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppAbility, can } from '@tandem/ability';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { ACTIVITY_CATALOGUE, ALL_ACTIVITY_KINDS } from '@tandem/funding';
import type { DisclosurePreference, Principal, ProfileUpdateReason } from '@tandem/domain';
import {
  CreateProfileDto,
  CreateTrajectoryDto,
  IpsOverviewDto,
  IpsPermissionsDto,
  SetDisclosureDto,
  TrajectoryDto,
  UpdateTrajectoryDto,
  VocationalProfileDto,
} from '../dtos/trajectory.dto';
import { PlacementsRepository } from '../repositories/placements.repository';
import {
  ProfileRow,
  TrajectoriesRepository,
  TrajectoryChange,
  TrajectoryRow,
} from '../repositories/trajectories.repository';
import { FundingService } from './funding.service';
import { ClientRef, IpsAccess, conflict, invalid, iso, today, versionConflict } from './ips-access';

const profileDto = (p: ProfileRow): VocationalProfileDto => ({
  version: p.version,
  wishes: p.wishes,
  strengths: p.strengths,
  experience: p.experience,
  limitations: p.limitations,
  preferredHoursMin: p.preferredHoursMin,
  preferredHoursMax: p.preferredHoursMax,
  disclosure: p.disclosure as DisclosurePreference,
  reason: p.reason as ProfileUpdateReason,
  placementId: p.placementId,
  authorName: p.authorName,
  createdAt: iso(p.createdAt) as string,
});

/** The IPS trajectory: registration, phases, benefit and insurer, the vocational profile's versions. */
@Injectable()
export class TrajectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly trajectories: TrajectoriesRepository,
    private readonly placements: PlacementsRepository,
    private readonly funding: FundingService,
    private readonly authz: AuthzService,
    private readonly access: IpsAccess,
  ) {}

  private async toDto(row: TrajectoryRow): Promise<TrajectoryDto> {
    const [events, profiles] = await Promise.all([
      this.trajectories.events(row.id),
      this.trajectories.profiles(row.id),
    ]);
    return {
      id: row.id,
      clientId: row.clientId,
      specialist: { userId: row.specialistId, displayName: row.specialistName },
      referralDate: row.referralDate,
      phase: row.phase,
      phaseSince: row.phaseSince,
      benefit: row.benefit,
      healthInsurer: row.healthInsurer
        ? {
            insurer: row.healthInsurer,
            name: row.insurerName ?? row.healthInsurer,
            motivationalCap: row.motivationalCap ?? 0,
          }
        : null,
      endedOn: row.endedOn,
      endReason: row.endReason,
      daysToFirstEmployerContact: row.daysToFirstEmployerContact,
      profile: profiles[0] ? profileDto(profiles[0]) : null,
      profileHistory: profiles.map(profileDto),
      events: events.map((e) => ({ ...e, at: iso(e.at) as string })),
      version: row.version,
      createdAt: iso(row.createdAt) as string,
      updatedAt: iso(row.updatedAt) as string,
    };
  }

  permissions(ability: AppAbility, principal: Principal, client: ClientRef): IpsPermissionsDto {
    const subject = { clientId: client.id, teamId: client.teamId };
    const activity = (kind: (typeof ALL_ACTIVITY_KINDS)[number]) => ({
      ...subject,
      domain: ACTIVITY_CATALOGUE[kind].domain,
      performedBy: principal.userId,
    });
    return {
      canCreateTrajectory: can(ability, 'create', 'Trajectory', subject),
      canUpdateTrajectory: can(ability, 'update', 'Trajectory', subject),
      canReadPlacements: can(ability, 'read', 'Placement', subject),
      canCreatePlacement: can(ability, 'create', 'Placement', subject),
      canReadWorkGoals: can(ability, 'read', 'WorkGoal', subject),
      canCreateWorkGoal: can(ability, 'create', 'WorkGoal', subject),
      canReviewWorkGoals: can(ability, 'review', 'WorkGoal', subject),
      canLinkTreatmentGoals: can(ability, 'update', 'WorkGoal', subject, 'treatmentGoalId'),
      canReadActivities: ['TREATMENT', 'PARTICIPATION', 'WMO'].some((domain) =>
        can(ability, 'read', 'Activity', { ...subject, domain, performedBy: principal.userId }),
      ),
      creatableActivityKinds: ALL_ACTIVITY_KINDS.filter((k) =>
        can(ability, 'create', 'Activity', activity(k)),
      ),
      canCreateEmployerContact: can(ability, 'create', 'EmployerContact', {
        teamId: client.teamId,
        clientId: client.id,
        specialistId: principal.userId,
      }),
    };
  }

  /** The open trajectory, the ended ones, and what the caller may do. */
  async overview(
    principal: Principal,
    clientId: string,
    action: 'READ' | 'CREATE' | 'UPDATE' = 'READ',
  ): Promise<IpsOverviewDto> {
    const client = await this.access.client(clientId);
    const ability = await this.authz.abilityFor(principal);
    if (!can(ability, 'read', 'Trajectory', { clientId, teamId: client.teamId })) {
      throw notFound('IPS trajectory');
    }
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Trajectory', params);
    const rows = await this.trajectories.listForClient(scope, params, clientId);
    const dtos = await Promise.all(rows.map((r) => this.toDto(r)));
    const open = dtos.find((d) => d.phase !== 'ENDED') ?? null;
    await this.access.record(principal, action, 'Trajectory', client, open?.id ?? null, {
      trajectoryIds: dtos.map((d) => d.id),
    });
    return {
      trajectory: open,
      history: dtos.filter((d) => d.phase === 'ENDED'),
      permissions: this.permissions(ability, principal, client),
    };
  }

  private async checkInsurer(insurer: string | null | undefined) {
    if (insurer && !(await this.trajectories.insurerExists(insurer))) {
      throw invalid(
        'healthInsurer',
        'exists',
        'unknown insurer; choose one from GET /api/v1/ips/funding/insurer-caps or ask the team lead to add it',
      );
    }
  }

  async create(
    principal: Principal,
    clientId: string,
    dto: CreateTrajectoryDto,
  ): Promise<IpsOverviewDto> {
    const client = await this.access.client(clientId);
    await this.authz.assert(
      principal,
      'create',
      'Trajectory',
      { clientId, teamId: client.teamId },
      {
        what: 'IPS trajectory',
        message: 'Only the client’s IPS specialist registers the client for IPS.',
      },
    );
    await this.checkInsurer(dto.healthInsurer);
    await this.db.transaction(async (m) => {
      if (await this.trajectories.findOpen(clientId, m)) {
        throw conflict(
          'TRAJECTORY_EXISTS',
          'This client already has an open IPS trajectory. Update it, or end it before registering a new one.',
        );
      }
      const phase = dto.phase ?? 'INTAKE';
      const id = await this.trajectories.insert(m, {
        clientId,
        specialistId: principal.userId,
        referralDate: dto.referralDate,
        phase,
        benefit: dto.benefit,
        healthInsurer: dto.healthInsurer ?? null,
      });
      await this.trajectories.addEvent(m, {
        trajectoryId: id,
        event: 'REGISTERED',
        effectiveOn: dto.referralDate,
        phase,
        toBenefit: dto.benefit,
        insurer: dto.healthInsurer ?? null,
        actorId: principal.userId,
      });
      // The benefit is known now: work activities already registered may change funder.
      await this.funding.reclassifyClient(m, clientId, principal.userId);
    });
    return this.overview(principal, clientId, 'CREATE');
  }

  private async openFor(principal: Principal, client: ClientRef) {
    const subject = { clientId: client.id, teamId: client.teamId };
    await this.authz.assert(principal, 'update', 'Trajectory', subject, {
      what: 'IPS trajectory',
      message: 'Only the client’s IPS specialist changes the IPS trajectory.',
    });
    const open = await this.trajectories.findOpen(client.id);
    if (!open) {
      throw conflict(
        'NO_OPEN_TRAJECTORY',
        'This client has no open IPS trajectory. Register the client for IPS first.',
      );
    }
    return open;
  }

  async update(
    principal: Principal,
    clientId: string,
    dto: UpdateTrajectoryDto,
  ): Promise<IpsOverviewDto> {
    const client = await this.access.client(clientId);
    const open = await this.openFor(principal, client);
    const effectiveOn = dto.effectiveOn ?? today();
    if (effectiveOn < open.referralDate) {
      throw invalid(
        'effectiveOn',
        'afterReferral',
        `effectiveOn must be on or after the referral date ${open.referralDate}`,
      );
    }
    if (dto.exitThroughWork && dto.benefit !== 'GEEN') {
      throw invalid(
        'exitThroughWork',
        'needsNoBenefit',
        'exitThroughWork goes with benefit GEEN (the client left the benefit)',
      );
    }
    await this.checkInsurer(dto.healthInsurer);
    const change: TrajectoryChange = {};
    const phaseChanged = dto.phase !== undefined && dto.phase !== open.phase;
    if (phaseChanged) {
      change.phase = dto.phase;
      change.phaseSince = effectiveOn;
      if (dto.phase === 'ENDED') {
        change.endedOn = effectiveOn;
        change.endReason = dto.endReason;
      }
    }
    const benefitChanged = dto.benefit !== undefined && dto.benefit !== open.benefit;
    if (benefitChanged) change.benefit = dto.benefit;
    const insurerChanged =
      dto.healthInsurer !== undefined && dto.healthInsurer !== open.healthInsurer;
    if (insurerChanged) change.healthInsurer = dto.healthInsurer;
    await this.db.transaction(async (m) => {
      if (!(await this.trajectories.update(m, open.id, dto.version, change))) {
        const current = await this.trajectories.findOpen(clientId, m);
        throw versionConflict('IPS trajectory', current ? await this.toDto(current) : null);
      }
      const base = { trajectoryId: open.id, effectiveOn, actorId: principal.userId };
      if (phaseChanged) {
        await this.trajectories.addEvent(m, {
          ...base,
          event: dto.phase === 'ENDED' ? 'ENDED' : 'PHASE',
          phase: dto.phase,
          endReason: dto.phase === 'ENDED' ? dto.endReason : null,
        });
      }
      if (benefitChanged) {
        await this.trajectories.addEvent(m, {
          ...base,
          event: 'BENEFIT',
          fromBenefit: open.benefit,
          toBenefit: dto.benefit,
          throughWork: dto.exitThroughWork ?? false,
        });
      }
      if (insurerChanged) {
        await this.trajectories.addEvent(m, {
          ...base,
          event: 'INSURER',
          insurer: dto.healthInsurer ?? null,
        });
      }
      if (benefitChanged || insurerChanged) {
        await this.funding.reclassifyClient(m, clientId, principal.userId);
      }
    });
    return this.overview(principal, clientId, 'UPDATE');
  }

  /** A new version of the vocational profile; earlier versions stay (after every job experience). */
  async addProfile(
    principal: Principal,
    clientId: string,
    dto: CreateProfileDto,
  ): Promise<IpsOverviewDto> {
    const client = await this.access.client(clientId);
    const open = await this.openFor(principal, client);
    if (
      dto.preferredHoursMin !== undefined &&
      dto.preferredHoursMin !== null &&
      dto.preferredHoursMax !== undefined &&
      dto.preferredHoursMax !== null &&
      dto.preferredHoursMin > dto.preferredHoursMax
    ) {
      throw invalid(
        'preferredHoursMax',
        'atLeastMin',
        'preferredHoursMax must be at least preferredHoursMin',
      );
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
    await this.db.transaction(async (m) => {
      const version = await this.trajectories.nextProfileVersion(m, open.id, dto.basedOnVersion);
      if (version === null) {
        const [current] = await this.trajectories.profiles(open.id);
        throw versionConflict('vocational profile', current ? profileDto(current) : null);
      }
      await this.trajectories.insertProfile(m, {
        trajectoryId: open.id,
        version,
        wishes: dto.wishes,
        strengths: dto.strengths,
        experience: dto.experience,
        limitations: dto.limitations,
        preferredHoursMin: dto.preferredHoursMin ?? null,
        preferredHoursMax: dto.preferredHoursMax ?? null,
        disclosure: dto.disclosure,
        reason: dto.reason,
        placementId: dto.placementId ?? null,
        authorId: principal.userId,
      });
    });
    return this.overview(principal, clientId, 'UPDATE');
  }

  /**
   * The client's own choice of what an employer may be told about her illness: a new version of
   * the vocational profile that changes only the disclosure, written by the client herself. The
   * IPS specialist sees it in the profile history.
   */
  async setDisclosure(
    principal: Principal,
    clientId: string,
    dto: SetDisclosureDto,
  ): Promise<IpsOverviewDto> {
    const client = await this.access.client(clientId);
    await this.authz.assert(
      principal,
      'disclose',
      'Trajectory',
      { clientId, teamId: client.teamId },
      {
        what: 'IPS trajectory',
        message: 'Only the client herself decides what an employer may be told.',
      },
    );
    const open = await this.trajectories.findOpen(clientId);
    if (!open) {
      throw conflict(
        'NO_OPEN_TRAJECTORY',
        'You are not in an IPS programme right now, so there is no employer to tell anything. Ask your team about IPS if you want help finding work.',
      );
    }
    await this.db.transaction(async (m) => {
      const version = await this.trajectories.nextProfileVersion(m, open.id, dto.basedOnVersion);
      const [current] = await this.trajectories.profiles(open.id);
      if (version === null) {
        throw versionConflict('vocational profile', current ? profileDto(current) : null);
      }
      await this.trajectories.insertProfile(m, {
        trajectoryId: open.id,
        version,
        wishes: current?.wishes ?? '',
        strengths: current?.strengths ?? '',
        experience: current?.experience ?? '',
        limitations: current?.limitations ?? '',
        preferredHoursMin: current?.preferredHoursMin ?? null,
        preferredHoursMax: current?.preferredHoursMax ?? null,
        disclosure: dto.disclosure,
        reason: 'OTHER',
        placementId: null,
        authorId: principal.userId,
      });
    });
    return this.overview(principal, clientId, 'UPDATE');
  }
}
