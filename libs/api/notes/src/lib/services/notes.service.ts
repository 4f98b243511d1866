import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { can as abilityCan } from '@tandem/ability';
import { AuditTrail } from '@tandem/api-audit';
import { AuthzService, SqlParams, notFound } from '@tandem/api-authz';
import { ClientsRepository } from '@tandem/api-caseload';
import { DomainError } from '@tandem/api-core';
import { RecordDomain, type Principal } from '@tandem/domain';
import {
  CorrectNoteDto,
  CreateNoteDto,
  NoteDto,
  NotePageDto,
  NotesQueryDto,
  PlanDto,
  UpdatePlanDto,
} from '../dtos/notes.dto';
import {
  NoteRow,
  NotesRepository,
  PlanRow,
  PlansRepository,
} from '../repositories/notes.repository';

const DOMAIN_LABEL: Record<RecordDomain, string> = {
  TREATMENT: 'treatment (Zvw)',
  PARTICIPATION: 'participation (re-integration)',
  WMO: 'Wmo',
  WORK_CAPACITY: 'work capabilities summary',
  CLIENT: 'client',
};

const toDto = (row: NoteRow): NoteDto => ({
  id: row.id,
  clientId: row.clientId,
  domain: row.domain,
  title: row.title,
  body: row.body,
  contactOn: row.contactOn,
  authorId: row.authorId,
  authorName: row.authorName,
  authorRole: row.authorRole,
  organisationName: row.organisationName,
  sharedWithClient: row.sharedWithClient,
  version: row.version,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

const noteSubject = (
  row: Pick<
    NoteRow,
    'id' | 'clientId' | 'teamId' | 'domain' | 'authorId' | 'organisationId' | 'sharedWithClient'
  >,
) => ({
  id: row.id,
  clientId: row.clientId,
  teamId: row.teamId,
  domain: row.domain,
  authorId: row.authorId,
  organisationId: row.organisationId,
  sharedWithClient: row.sharedWithClient,
});

/** The client file: notes per funding domain (append-only history) and the two plans. */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notes: NotesRepository,
    private readonly plans: PlansRepository,
    private readonly clients: ClientsRepository,
    private readonly authz: AuthzService,
    private readonly audit: AuditTrail,
  ) {}

  /** Records the access for the NEN 7513 log, with the basis per record domain. */
  private async record(
    principal: Principal,
    action: 'READ' | 'CREATE' | 'UPDATE',
    objectType: string,
    client: { id: string; teamId: string },
    domains: RecordDomain[],
    objectId: string | null,
    details?: Record<string, unknown>,
  ) {
    const bases = await Promise.all(
      (domains.length ? domains : [undefined]).map((d) =>
        this.authz.basisFor(principal, client.id, client.teamId, d),
      ),
    );
    this.audit.add(principal, {
      objectType,
      objectId,
      clientId: client.id,
      action,
      basis: [...new Set(bases.map((b) => b.basis))].sort().join(','),
      consentIds: [...new Set(bases.flatMap((b) => b.consentIds))],
      emergency: bases.some((b) => b.emergency),
      details,
    });
  }

  private async readableClient(principal: Principal, clientId: string) {
    const client = await this.clients.findRef(clientId);
    if (
      !client ||
      !(await this.authz.can(principal, 'read', 'Client', { id: client.id, teamId: client.teamId }))
    )
      throw notFound('client');
    return client;
  }

  async list(principal: Principal, clientId: string, query: NotesQueryDto): Promise<NotePageDto> {
    const client = await this.readableClient(principal, clientId);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Note', params);
    const { rows, total } = await this.notes.list(
      scope,
      params,
      clientId,
      query.domain,
      query.page,
      query.pageSize,
    );
    await this.record(
      principal,
      'READ',
      'Note',
      client,
      [...new Set(rows.map((r) => r.domain))],
      null,
      {
        noteIds: rows.map((r) => r.id),
        domain: query.domain ?? null,
      },
    );
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(
    principal: Principal,
    clientId: string,
    noteId: string,
    action: 'READ' | 'CREATE' | 'UPDATE' = 'READ',
  ): Promise<NoteDto> {
    const row = await this.notes.findById(noteId);
    if (
      !row ||
      row.clientId !== clientId ||
      !(await this.authz.can(principal, 'read', 'Note', noteSubject(row)))
    )
      throw notFound('note');
    await this.record(
      principal,
      action,
      'Note',
      { id: row.clientId, teamId: row.teamId },
      [row.domain],
      row.id,
    );
    return {
      ...toDto(row),
      revisions: (await this.notes.revisions(noteId)).map((r: { createdAt: Date }) => ({
        ...r,
        createdAt: new Date(r.createdAt).toISOString(),
      })),
    };
  }

  async create(principal: Principal, clientId: string, dto: CreateNoteDto): Promise<NoteDto> {
    const client = await this.readableClient(principal, clientId);
    const ability = await this.authz.abilityFor(principal);
    const draft = {
      clientId,
      teamId: client.teamId,
      domain: dto.domain,
      authorId: principal.userId,
      organisationId: principal.organisationId,
      sharedWithClient: dto.sharedWithClient ?? false,
    };
    if (!abilityCan(ability, 'create', 'Note', draft)) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        `You may not write ${DOMAIN_LABEL[dto.domain]} notes for this client. Choose a domain you work in.`,
      );
    }
    if (
      draft.sharedWithClient &&
      !abilityCan(ability, 'read', 'Client', { id: client.id, teamId: client.teamId }, 'diagnosis')
    ) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Only care staff can share a note with the client.',
      );
    }
    const id = await this.db.transaction(async (m) => {
      const newId = await this.notes.insert(m, {
        ...draft,
        contactOn: dto.contactOn,
        title: dto.title.trim(),
        body: dto.body,
      });
      // Checked again on the stored row: if the client moved team meanwhile, nothing is written.
      const stored = await this.notes.findById(newId, m);
      if (!stored || !abilityCan(ability, 'create', 'Note', noteSubject(stored))) {
        throw new DomainError(
          HttpStatus.FORBIDDEN,
          'FORBIDDEN',
          'The client’s file changed while you were writing; reload and try again.',
        );
      }
      return newId;
    });
    return this.get(principal, clientId, id, 'CREATE');
  }

  async correct(
    principal: Principal,
    clientId: string,
    noteId: string,
    dto: CorrectNoteDto,
  ): Promise<NoteDto> {
    const row = await this.notes.findById(noteId);
    if (!row || row.clientId !== clientId) throw notFound('note');
    await this.authz.assert(principal, 'correct', 'Note', noteSubject(row), {
      what: 'note',
      message: 'Only the author can correct a note. Add a new note instead.',
    });
    await this.db.transaction(async (m) => {
      const ok = await this.notes.correct(m, noteId, dto.version, {
        title: (dto.title ?? row.title).trim(),
        body: dto.body,
        reason: dto.reason,
        authorId: principal.userId,
      });
      if (!ok) {
        const current = await this.notes.findById(noteId, m);
        throw new DomainError(
          HttpStatus.CONFLICT,
          'VERSION_CONFLICT',
          'This note was corrected by someone else in the meantime. Read the newest version and correct that one.',
          {
            current: current ? toDto(current) : null,
          },
        );
      }
    });
    return this.get(principal, clientId, noteId, 'UPDATE');
  }

  async listPlans(
    principal: Principal,
    clientId: string,
    action: 'READ' | 'UPDATE' = 'READ',
  ): Promise<PlanDto[]> {
    const client = await this.readableClient(principal, clientId);
    const ability = await this.authz.abilityFor(principal);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Plan', params);
    const rows = await this.plans.list(scope, params, clientId);
    const result: PlanDto[] = [];
    for (const domain of ['TREATMENT', 'PARTICIPATION'] as const) {
      const subject = { clientId, teamId: client.teamId, domain };
      if (!abilityCan(ability, 'read', 'Plan', subject)) continue;
      const row = rows.find((r) => r.domain === domain);
      result.push(await this.planDto(principal, subject, row));
    }
    await this.record(
      principal,
      action,
      'Plan',
      client,
      result.map((p) => p.domain as RecordDomain),
      null,
      {
        plans: result.map((p) => p.domain),
      },
    );
    return result;
  }

  private async planDto(
    principal: Principal,
    subject: { clientId: string; teamId: string; domain: 'TREATMENT' | 'PARTICIPATION' },
    row: PlanRow | undefined,
  ): Promise<PlanDto> {
    const ability = await this.authz.abilityFor(principal);
    const careView = abilityCan(ability, 'read', 'Plan', subject, 'linkedTreatmentGoals');
    const goals = (row?.goals ?? []).map((g) => {
      const { treatmentGoalId, ...rest } = g;
      return (
        careView ? { ...rest, treatmentGoalId: treatmentGoalId ?? null } : rest
      ) as PlanDto['goals'][number];
    });
    const dto: PlanDto = {
      domain: subject.domain,
      summary: row?.summary ?? '',
      goals,
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt ? new Date(row.updatedAt).toISOString() : null,
      canEdit: abilityCan(ability, 'update', 'Plan', subject),
    };
    if (careView && subject.domain === 'PARTICIPATION') {
      const linked = new Set(goals.map((g) => g.treatmentGoalId).filter(Boolean));
      dto.linkedTreatmentGoals = (await this.plans.treatmentGoals(subject.clientId)).filter((g) =>
        linked.has(g.id),
      );
    }
    return dto;
  }

  async savePlan(
    principal: Principal,
    clientId: string,
    domain: string,
    dto: UpdatePlanDto,
  ): Promise<PlanDto> {
    if (domain !== 'TREATMENT' && domain !== 'PARTICIPATION') throw notFound('plan');
    const client = await this.readableClient(principal, clientId);
    const subject = { clientId, teamId: client.teamId, domain };
    await this.authz.assert(principal, 'update', 'Plan', subject, {
      what: 'plan',
      message:
        domain === 'TREATMENT'
          ? 'Only the regiebehandelaar or psychiatrist can change the treatment plan.'
          : 'You may not change this re-integration plan.',
    });
    const ability = await this.authz.abilityFor(principal);
    const careView = abilityCan(ability, 'read', 'Plan', subject, 'linkedTreatmentGoals');
    if (!careView && dto.goals.some((g) => g.treatmentGoalId)) {
      throw new DomainError(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Only care staff can link a goal to the treatment plan.',
      );
    }
    let goals = dto.goals.map((g) => ({ ...g }));
    if (!careView && domain === 'PARTICIPATION') {
      // Keep links set by care staff that this editor cannot see.
      const existing = await this.plans.findOne(clientId, 'PARTICIPATION');
      const links = new Map((existing?.goals ?? []).map((g) => [g.id, g.treatmentGoalId]));
      goals = goals.map((g) => ({ ...g, treatmentGoalId: links.get(g.id) ?? null }));
    }
    await this.db.transaction(async (m) => {
      const version = await this.plans.save(
        m,
        clientId,
        domain,
        dto.version,
        dto.summary,
        goals,
        principal.userId,
      );
      if (version === null) {
        throw new DomainError(
          HttpStatus.CONFLICT,
          'VERSION_CONFLICT',
          'This plan was changed by someone else in the meantime. Reload it and apply your change again.',
        );
      }
    });
    return (await this.listPlans(principal, clientId, 'UPDATE')).find(
      (p) => p.domain === domain,
    ) as PlanDto;
  }
}
