import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppAbility, can } from '@tandem/ability';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import {
  ContactPersonDto,
  ContactPersonInputDto,
  CreateEmployerContactDto,
  CreateEmployerDto,
  EmployerContactDto,
  EmployerContactPageDto,
  EmployerContactQueryDto,
  EmployerDetailDto,
  EmployerDto,
  EmployerPageDto,
  EmployerQueryDto,
  UpdateEmployerContactDto,
  UpdateEmployerDto,
} from '../dtos/employer.dto';
import {
  EmployerContactRow,
  EmployerRow,
  EmployersRepository,
} from '../repositories/employers.repository';
import { ClientsRepository } from '@tandem/api-caseload';
import { IpsAccess, conflict, invalid, iso, today, versionConflict } from './ips-access';

const contactSubject = (row: Pick<EmployerContactRow, 'teamId' | 'clientId' | 'specialistId'>) => ({
  teamId: row.teamId,
  clientId: row.clientId,
  specialistId: row.specialistId,
});

const contactDto = (ability: AppAbility, row: EmployerContactRow): EmployerContactDto => ({
  id: row.id,
  teamId: row.teamId,
  employerId: row.employerId,
  employerName: row.employerName,
  contactPersonId: row.contactPersonId,
  contactPersonName: row.contactPersonName,
  specialist: { userId: row.specialistId, displayName: row.specialistName },
  clientId: row.clientId,
  clientName: row.clientName,
  contactOn: row.contactOn,
  kind: row.kind,
  outcome: row.outcome,
  notes: row.notes,
  followUpOn: row.followUpOn,
  followUp: row.followUp,
  version: row.version,
  canEdit: can(ability, 'update', 'EmployerContact', contactSubject(row)),
  createdAt: iso(row.createdAt) as string,
});

const employerDto = (
  ability: AppAbility,
  row: EmployerRow,
  stats: { lastContactOn: string | null; contactCount: number },
): EmployerDto => ({
  id: row.id,
  teamId: row.teamId,
  name: row.name,
  sector: row.sector,
  city: row.city,
  phone: row.phone,
  email: row.email,
  notes: row.notes,
  contactPersons: row.contactPersons,
  lastContactOn: stats.lastContactOn,
  contactCount: stats.contactCount,
  version: row.version,
  canEdit: can(ability, 'update', 'Employer', { teamId: row.teamId }),
});

/** The team's employer register and the employer contacts (job development). */
@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly employers: EmployersRepository,
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly access: IpsAccess,
  ) {}

  async list(principal: Principal, query: EmployerQueryDto): Promise<EmployerPageDto> {
    const ability = await this.authz.abilityFor(principal);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Employer', params);
    const { rows, total } = await this.employers.list(
      scope,
      params,
      { teamId: query.teamId, q: query.q },
      query.page,
      query.pageSize,
    );
    const statsParams = new SqlParams();
    const contactScope = await this.authz.scope(principal, 'read', 'EmployerContact', statsParams);
    const stats = await this.employers.contactStats(
      contactScope,
      statsParams,
      rows.map((r) => r.id),
    );
    this.access.recordTeam(principal, 'SEARCH', 'Employer', null, {
      returned: rows.length,
      total,
      teamId: query.teamId ?? null,
      search: Boolean(query.q),
    });
    return {
      items: rows.map((r) =>
        employerDto(ability, r, stats.get(r.id) ?? { lastContactOn: null, contactCount: 0 }),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async readable(principal: Principal, id: string) {
    const row = await this.employers.findById(id);
    if (!row || !(await this.authz.can(principal, 'read', 'Employer', { teamId: row.teamId }))) {
      throw notFound('employer');
    }
    return row;
  }

  async get(
    principal: Principal,
    id: string,
    action: 'READ' | 'CREATE' | 'UPDATE' = 'READ',
  ): Promise<EmployerDetailDto> {
    const row = await this.readable(principal, id);
    const ability = await this.authz.abilityFor(principal);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'EmployerContact', params);
    const recent = await this.employers.contacts(scope, params, { employerId: id }, 1, 20);
    const clientContacts = recent.rows.filter((r) => r.clientId);
    if (clientContacts.length) {
      const teams = await this.clients.findRefs(clientContacts.map((r) => r.clientId!));
      await this.access.recordMany(
        principal,
        'SEARCH',
        'EmployerContact',
        teams.filter((c) => c).map((c) => ({ id: c!.id, teamId: c!.teamId })),
        { employerId: id, returned: recent.rows.length },
      );
    }
    this.access.recordTeam(principal, action, 'Employer', id, { teamId: row.teamId });
    const last = recent.rows[0]?.contactOn ?? null;
    return {
      ...employerDto(ability, row, { lastContactOn: last, contactCount: recent.total }),
      recentContacts: recent.rows.map((r) => contactDto(ability, r)),
    };
  }

  /** The team whose register a new employer goes into: the given one, or the caller's IPS team. */
  private async registerTeam(principal: Principal, teamId: string | undefined): Promise<string> {
    const ability = await this.authz.abilityFor(principal);
    const candidates = teamId ? [teamId] : principal.teams.map((t) => t.teamId);
    const allowed = candidates.find((t) => can(ability, 'create', 'Employer', { teamId: t }));
    if (allowed) return allowed;
    if (teamId && !can(ability, 'read', 'Employer', { teamId })) throw notFound('team');
    throw new DomainError(
      HttpStatus.FORBIDDEN,
      'FORBIDDEN',
      'Only the team’s IPS specialists add employers to the register.',
    );
  }

  private contactPerson(input: ContactPersonInputDto) {
    return {
      name: input.name.trim(),
      role: input.role?.trim() ?? '',
      phone: input.phone?.trim() ?? '',
      email: input.email?.trim() ?? '',
    };
  }

  async create(principal: Principal, dto: CreateEmployerDto): Promise<EmployerDetailDto> {
    const teamId = await this.registerTeam(principal, dto.teamId);
    const existing = await this.employers.findByName(teamId, dto.name);
    if (existing) {
      throw conflict(
        'EMPLOYER_EXISTS',
        'This employer is already in the register; use it or change its details.',
        {
          existingId: existing.id,
        },
      );
    }
    const id = await this.db.transaction(async (m) => {
      const newId = await this.employers.insert(m, {
        teamId,
        name: dto.name.trim(),
        sector: dto.sector?.trim() ?? '',
        city: dto.city?.trim() ?? '',
        phone: dto.phone?.trim() ?? '',
        email: dto.email?.trim() ?? '',
        notes: dto.notes ?? '',
        createdBy: principal.userId,
      });
      if (dto.contactPerson) {
        await this.employers.addContactPerson(m, {
          employerId: newId,
          ...this.contactPerson(dto.contactPerson),
          createdBy: principal.userId,
        });
      }
      return newId;
    });
    return this.get(principal, id, 'CREATE');
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateEmployerDto,
  ): Promise<EmployerDetailDto> {
    const row = await this.readable(principal, id);
    await this.authz.assert(
      principal,
      'update',
      'Employer',
      { teamId: row.teamId },
      {
        what: 'employer',
        message: 'Only the team’s IPS specialists change the employer register.',
      },
    );
    if (dto.name && dto.name.trim().toLowerCase() !== row.name.toLowerCase()) {
      const existing = await this.employers.findByName(row.teamId, dto.name);
      if (existing) {
        throw conflict('EMPLOYER_EXISTS', 'Another employer in the register has this name.', {
          existingId: existing.id,
        });
      }
    }
    await this.db.transaction(async (m) => {
      const ok = await this.employers.update(m, id, dto.version, {
        name: dto.name?.trim(),
        sector: dto.sector?.trim(),
        city: dto.city?.trim(),
        phone: dto.phone?.trim(),
        email: dto.email?.trim(),
        notes: dto.notes,
      });
      if (!ok) {
        const ability = await this.authz.abilityFor(principal);
        const current = await this.employers.findById(id, m);
        throw versionConflict(
          'employer',
          current ? employerDto(ability, current, { lastContactOn: null, contactCount: 0 }) : null,
        );
      }
    });
    return this.get(principal, id, 'UPDATE');
  }

  async addContactPerson(
    principal: Principal,
    id: string,
    dto: ContactPersonInputDto,
  ): Promise<ContactPersonDto> {
    const row = await this.readable(principal, id);
    await this.authz.assert(
      principal,
      'update',
      'Employer',
      { teamId: row.teamId },
      {
        what: 'employer',
        message: 'Only the team’s IPS specialists change the employer register.',
      },
    );
    const person = this.contactPerson(dto);
    const personId = await this.db.transaction((m) =>
      this.employers.addContactPerson(m, {
        employerId: id,
        ...person,
        createdBy: principal.userId,
      }),
    );
    this.access.recordTeam(principal, 'CREATE', 'EmployerContactPerson', personId, {
      employerId: id,
    });
    return { id: personId, ...person };
  }

  async contacts(
    principal: Principal,
    query: EmployerContactQueryDto,
  ): Promise<EmployerContactPageDto> {
    if (query.from && query.to && query.from > query.to) {
      throw invalid('to', 'afterFrom', 'to must be on or after from');
    }
    const ability = await this.authz.abilityFor(principal);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'EmployerContact', params);
    const { rows, total } = await this.employers.contacts(
      scope,
      params,
      query,
      query.page,
      query.pageSize,
    );
    const clients = await this.clients.findRefs(
      rows.map((r) => r.clientId).filter((c): c is string => !!c),
    );
    await this.access.recordMany(
      principal,
      'SEARCH',
      'EmployerContact',
      clients.filter((c) => c).map((c) => ({ id: c!.id, teamId: c!.teamId })),
      {
        returned: rows.length,
        total,
        filters: {
          teamId: query.teamId ?? null,
          specialistId: query.specialistId ?? null,
          clientId: query.clientId ?? null,
          employerId: query.employerId ?? null,
        },
      },
    );
    return {
      items: rows.map((r) => contactDto(ability, r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async contactDetail(
    principal: Principal,
    id: string,
    action: 'CREATE' | 'UPDATE',
  ): Promise<EmployerContactDto> {
    const row = await this.employers.findContact(id);
    const ability = await this.authz.abilityFor(principal);
    if (!row || !can(ability, 'read', 'EmployerContact', contactSubject(row)))
      throw notFound('employer contact');
    if (row.clientId) {
      const client = await this.clients.findRef(row.clientId);
      if (client)
        await this.access.record(
          principal,
          action,
          'EmployerContact',
          { id: client.id, teamId: client.teamId },
          id,
        );
    } else {
      this.access.recordTeam(principal, action, 'EmployerContact', id, { teamId: row.teamId });
    }
    return contactDto(ability, row);
  }

  /** Logging a contact takes seconds: an employer (or a new name), the kind; the rest is optional. */
  async createContact(
    principal: Principal,
    dto: CreateEmployerContactDto,
  ): Promise<EmployerContactDto> {
    if (dto.employerId && dto.newEmployerName) {
      throw invalid('newEmployerName', 'either', 'give employerId or newEmployerName, not both');
    }
    const ability = await this.authz.abilityFor(principal);
    let employer: EmployerRow | null = null;
    let teamId: string;
    if (dto.employerId) {
      employer = await this.employers.findById(dto.employerId);
      if (!employer || !can(ability, 'read', 'Employer', { teamId: employer.teamId })) {
        throw invalid('employerId', 'exists', 'no employer with this id in a register you use');
      }
      teamId = employer.teamId;
    } else {
      teamId = await this.registerTeam(principal, undefined);
    }
    if (dto.clientId) {
      const client = await this.clients.findRef(dto.clientId);
      if (!client || !can(ability, 'read', 'Client', { id: client.id, teamId: client.teamId })) {
        throw notFound('client');
      }
    }
    const subject = { teamId, clientId: dto.clientId ?? null, specialistId: principal.userId };
    if (!can(ability, 'create', 'EmployerContact', subject)) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        dto.clientId
          ? 'You log employer contacts for your own IPS clients only.'
          : 'Only the team’s IPS specialists log employer contacts.',
      );
    }
    if (
      dto.contactPersonId &&
      !employer?.contactPersons.some((p) => p.id === dto.contactPersonId)
    ) {
      throw invalid(
        'contactPersonId',
        'exists',
        'contactPersonId must be a contact person of this employer',
      );
    }
    const contactOn = dto.contactOn ?? today();
    if (dto.followUpOn && dto.followUpOn < contactOn) {
      throw invalid(
        'followUpOn',
        'afterContact',
        'followUpOn must be on or after the contact date',
      );
    }
    const id = await this.db.transaction(async (m) => {
      let employerId = employer?.id;
      if (!employerId) {
        const name = dto.newEmployerName!.trim();
        employerId =
          (await this.employers.findByName(teamId, name, m))?.id ??
          (await this.employers.insert(m, {
            teamId,
            name,
            sector: '',
            city: '',
            phone: '',
            email: '',
            notes: '',
            createdBy: principal.userId,
          }));
      }
      return this.employers.insertContact(m, {
        teamId,
        employerId,
        contactPersonId: dto.contactPersonId ?? null,
        specialistId: principal.userId,
        clientId: dto.clientId ?? null,
        contactOn,
        kind: dto.kind,
        outcome: dto.outcome ?? 'INTRODUCTION',
        notes: dto.notes ?? '',
        followUpOn: dto.followUpOn ?? null,
        followUp: dto.followUp ?? '',
      });
    });
    return this.contactDetail(principal, id, 'CREATE');
  }

  async updateContact(
    principal: Principal,
    id: string,
    dto: UpdateEmployerContactDto,
  ): Promise<EmployerContactDto> {
    const row = await this.employers.findContact(id);
    if (!row) throw notFound('employer contact');
    await this.authz.assert(principal, 'update', 'EmployerContact', contactSubject(row), {
      what: 'employer contact',
      message: 'Only the IPS specialist who logged this contact changes it.',
    });
    const contactOn = dto.contactOn ?? row.contactOn;
    const followUpOn = dto.followUpOn === undefined ? row.followUpOn : dto.followUpOn;
    if (followUpOn && followUpOn < contactOn) {
      throw invalid(
        'followUpOn',
        'afterContact',
        'followUpOn must be on or after the contact date',
      );
    }
    await this.db.transaction(async (m) => {
      const ok = await this.employers.updateContact(m, id, dto.version, {
        contactOn: dto.contactOn,
        kind: dto.kind,
        outcome: dto.outcome,
        notes: dto.notes,
        followUpOn: dto.followUpOn,
        followUp: dto.followUp,
      });
      if (!ok) {
        const ability = await this.authz.abilityFor(principal);
        const current = await this.employers.findContact(id, m);
        throw versionConflict('employer contact', current ? contactDto(ability, current) : null);
      }
    });
    return this.contactDetail(principal, id, 'UPDATE');
  }
}
