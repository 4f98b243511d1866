import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppAbility,
  CLIENT_ALL_FIELDS,
  can,
  pickPermitted,
  readableDomains,
  writableDomains,
} from '@tandem/ability';
import { AuditTrail } from '@tandem/api-audit';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import type { Principal } from '@tandem/domain';
import {
  CaseloadItemDto,
  CaseloadPageDto,
  CaseloadQueryDto,
  ClientDetailDto,
  TransferClientDto,
  UpdateBoardDto,
} from '../dtos/caseload.dto';
import { ClientRow, ClientsRepository } from '../repositories/clients.repository';
import { BoardEvents } from './board-events';

function toItem(ability: AppAbility, row: ClientRow): CaseloadItemDto {
  const full = {
    clientId: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    teamId: row.teamId,
    teamName: row.teamName,
    keyWorker: row.keyWorker,
    regiebehandelaar: row.regiebehandelaar,
    onBoard: row.onBoard,
    boardReason: row.boardReason,
    boardSince: row.boardSince ? new Date(row.boardSince).toISOString() : null,
    daysOnBoard: row.daysOnBoard,
    lastContactOn: row.lastContactOn,
    nextContactOn: row.nextContactOn,
    version: row.version,
  };
  // Field level: only permitted fields leave the server (care fields such as boardReason for care staff).
  const fieldNames: Record<string, string> = { clientId: 'id' };
  const allowed = pickPermitted(
    ability,
    'read',
    'Client',
    { id: row.id, teamId: row.teamId },
    Object.fromEntries(Object.entries(full).map(([k, v]) => [fieldNames[k] ?? k, v])),
    CLIENT_ALL_FIELDS,
  );
  const { id, ...rest } = allowed as Record<string, unknown>;
  return { clientId: id, ...rest } as unknown as CaseloadItemDto;
}

const conflict = (current: unknown) =>
  new DomainError(
    HttpStatus.CONFLICT,
    'VERSION_CONFLICT',
    'Someone else changed this client in the meantime. Review their change below and apply yours again.',
    { current },
  );

@Injectable()
export class CaseloadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly events: BoardEvents,
    private readonly audit: AuditTrail,
  ) {}

  private async record(
    principal: Principal,
    action: 'READ' | 'UPDATE',
    objectType: string,
    row: { id: string; teamId: string },
    details?: Record<string, unknown>,
  ) {
    const basis = await this.authz.basisFor(principal, row.id, row.teamId);
    this.audit.add(principal, {
      objectType,
      objectId: row.id,
      clientId: row.id,
      action,
      basis: basis.basis,
      consentIds: basis.consentIds,
      emergency: basis.emergency,
      details,
    });
  }

  /** The caseload / FACT board: clients the caller may see, filtered and paged in SQL. */
  async list(principal: Principal, query: CaseloadQueryDto): Promise<CaseloadPageDto> {
    const ability = await this.authz.abilityFor(principal);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Client', params);
    const { rows, total } = await this.clients.list(scope, params, query);
    const bases = await Promise.all(
      rows.map((r) => this.authz.basisFor(principal, r.id, r.teamId)),
    );
    this.audit.add(principal, {
      objectType: 'Caseload',
      clientIds: rows.map((r) => r.id),
      action: 'SEARCH',
      basis: [...new Set(bases.map((b) => b.basis))].sort().join(',') || 'NONE',
      consentIds: [...new Set(bases.flatMap((b) => b.consentIds))],
      emergency: bases.some((b) => b.emergency),
      details: {
        returned: rows.length,
        total,
        filters: {
          teamId: query.teamId,
          onBoard: query.onBoard,
          keyWorkerId: query.keyWorkerId,
          search: Boolean(query.q),
        },
      },
    });
    return {
      items: rows.map((r) => toItem(ability, r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async detail(principal: Principal, clientId: string): Promise<ClientDetailDto> {
    const row = await this.clients.findById(clientId);
    if (!row) throw notFound('client');
    await this.authz.assert(
      principal,
      'read',
      'Client',
      { id: row.id, teamId: row.teamId },
      { what: 'client' },
    );
    const ability = await this.authz.abilityFor(principal);
    await this.record(principal, 'READ', 'Client', row);
    const item = toItem(ability, row);
    const careFields = pickPermitted(
      ability,
      'read',
      'Client',
      { id: row.id, teamId: row.teamId },
      { dateOfBirth: row.dateOfBirth, pseudonym: row.pseudonym, diagnosis: row.diagnosis },
      CLIENT_ALL_FIELDS,
    );
    const noteBase = {
      clientId: row.id,
      teamId: row.teamId,
      authorId: principal.userId,
      organisationId: principal.organisationId,
      sharedWithClient: false,
    };
    return {
      ...item,
      ...(careFields as { dateOfBirth: string; pseudonym: string }),
      permissions: {
        readableDomains: readableDomains(ability, noteBase),
        writableDomains: writableDomains(ability, noteBase),
        canUpdateBoard: can(ability, 'update', 'Board', { clientId: row.id, teamId: row.teamId }),
        canTransfer: can(ability, 'update', 'Client', { id: row.id, teamId: row.teamId }),
      },
    };
  }

  async updateBoard(
    principal: Principal,
    clientId: string,
    dto: UpdateBoardDto,
  ): Promise<CaseloadItemDto> {
    const before = await this.clients.findById(clientId);
    if (!before) throw notFound('client');
    await this.authz.assert(
      principal,
      'update',
      'Board',
      { clientId, teamId: before.teamId },
      {
        readCheck: { subject: 'Client', object: { id: clientId, teamId: before.teamId } },
        what: 'client',
        message:
          'Only care staff of the client’s team can change the board. Ask the key worker or the regiebehandelaar.',
      },
    );
    const ability = await this.authz.abilityFor(principal);
    const updated = await this.db.transaction(async (m) => {
      const result = await this.clients.updateBoard(m, clientId, dto.version, {
        onBoard: dto.onBoard,
        boardReason: dto.onBoard ? (dto.boardReason ?? '').trim() : null,
        nextContactOn: dto.nextContactOn,
      });
      if (!result) {
        const current = await this.clients.findById(clientId, m);
        throw conflict(current ? toItem(ability, current) : null);
      }
      return this.clients.findById(clientId, m);
    });
    if (!updated) throw notFound('client');
    this.events.emit({ teamId: updated.teamId, clientId, version: updated.version });
    await this.record(
      principal,
      'UPDATE',
      updated.teamId === before.teamId ? 'Board' : 'Client',
      updated,
      { version: updated.version },
    );
    return toItem(ability, updated);
  }

  /** Moves a client to another team: allowed only if the caller may update the client both before and after. */
  async transfer(
    principal: Principal,
    clientId: string,
    dto: TransferClientDto,
  ): Promise<CaseloadItemDto> {
    const before = await this.clients.findById(clientId);
    if (!before) throw notFound('client');
    await this.authz.assert(
      principal,
      'update',
      'Client',
      { id: clientId, teamId: before.teamId },
      { what: 'client', message: 'Only care staff of the client’s team can transfer the client.' },
    );
    if (!(await this.clients.teamExists(dto.teamId))) throw notFound('team');
    if (
      !(await this.authz.can(principal, 'update', 'Client', { id: clientId, teamId: dto.teamId }))
    ) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'You can only transfer a client to a team you work in. Ask the receiving team to take over (warme overdracht).',
      );
    }
    const ability = await this.authz.abilityFor(principal);
    const updated = await this.db.transaction(async (m) => {
      const result = await this.clients.transfer(m, clientId, dto.version, dto.teamId);
      if (!result) {
        const current = await this.clients.findById(clientId, m);
        throw conflict(current ? toItem(ability, current) : null);
      }
      return this.clients.findById(clientId, m);
    });
    if (!updated) throw notFound('client');
    this.events.emit({ teamId: before.teamId, clientId, version: updated.version });
    this.events.emit({ teamId: updated.teamId, clientId, version: updated.version });
    await this.record(
      principal,
      'UPDATE',
      updated.teamId === before.teamId ? 'Board' : 'Client',
      updated,
      { version: updated.version },
    );
    return toItem(ability, updated);
  }
}
