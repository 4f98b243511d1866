import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { AuditTrail } from '@tandem/api-audit';
import { AuthzService, SqlParams, forbidden, notFound } from '@tandem/api-authz';
import { DomainError, renderPdf } from '@tandem/api-core';
import { NotesRepository } from '@tandem/api-notes';
import { RecordDomain, Role, type Principal } from '@tandem/domain';
import {
  AddAttendeeDto,
  AttachMinutesDto,
  AttachResultDto,
  CloseResultDto,
  CompleteTaskDto,
  ConferenceDetailDto,
  ConferenceSummaryDto,
  ConferencesQueryDto,
  CreateConferenceDto,
  CreateSeriesDto,
  InviteeDto,
  ProposalDto,
  SeriesResultDto,
  TaskDto,
  UpdateConferenceDto,
} from '../dtos/conferences.dto';
import {
  ConferenceRow,
  ConferencesRepository,
  TaskRow,
  UserRow,
} from '../repositories/conferences.repository';
import { AGENDA_PROPOSAL_SOURCES, AgendaProposalSource } from './agenda-sources';
import { ConferenceAccess, Viewer } from './conference-access';
import { ConferenceTx } from './conference-tx';
import { minutesDocument } from './minutes-pdf';
import { ItemSource, ageBand, itemPayload } from './privacy-gate';

const KIND_LABEL: Record<string, string> = {
  FACT_BOARD: 'FACT-bordoverleg',
  MDO: 'Multidisciplinair overleg',
  PARTNER_CASE_DISCUSSION: 'Casusoverleg met partners',
  THREE_WAY_MEETING: 'Driegesprek',
  ANONYMISED_CASE_DISCUSSION: 'Anonieme casusbespreking',
};

const invalid = (field: string, rule: string, message: string) =>
  new DomainError(
    HttpStatus.BAD_REQUEST,
    'VALIDATION_FAILED',
    `Please correct: ${field} (${message})`,
    {
      errors: [{ field, rule, message }],
    },
  );

const unprocessable = (code: string, message: string) =>
  new DomainError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);

/** Local calendar date of a moment (the meeting's date in the file). */
const amsterdamDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

export const conferenceSubject = (row: Pick<ConferenceRow, 'id' | 'teamId' | 'attendeeIds'>) => ({
  id: row.id,
  teamId: row.teamId,
  attendeeIds: row.attendeeIds,
});

/**
 * Case conferences: planning (HTTP), closing into the client files, attaching anonymised minutes,
 * and the action items on task lists and client pages. Every item leaves the server through the
 * privacy gate, for the one caller it is built for.
 */
@Injectable()
export class ConferencesService {
  constructor(
    private readonly repo: ConferencesRepository,
    private readonly authz: AuthzService,
    private readonly access: ConferenceAccess,
    private readonly audit: AuditTrail,
    private readonly tx: ConferenceTx,
    private readonly notes: NotesRepository,
    @Optional()
    @Inject(AGENDA_PROPOSAL_SOURCES)
    private readonly sources: AgendaProposalSource[] = [],
  ) {}

  /** The conference if the caller may read it; otherwise not found (its existence stays hidden). */
  async readable(principal: Principal, id: string): Promise<ConferenceRow> {
    const row = await this.repo.findById(id);
    if (!row || !(await this.authz.can(principal, 'read', 'Conference', conferenceSubject(row))))
      throw notFound('conference');
    return row;
  }

  /** Readable and runnable (care staff of the organising team). */
  async runnable(principal: Principal, id: string): Promise<ConferenceRow> {
    const row = await this.readable(principal, id);
    if (!(await this.authz.can(principal, 'update', 'Conference', conferenceSubject(row))))
      throw forbidden(
        'Only care staff of the organising team plan and run this conference. Ask the organiser.',
      );
    return row;
  }

  private async summary(principal: Principal, row: ConferenceRow): Promise<ConferenceSummaryDto> {
    const subject = conferenceSubject(row);
    return {
      id: row.id,
      teamId: row.teamId,
      teamName: row.teamName,
      seriesId: row.seriesId,
      kind: row.kind,
      title: row.title,
      startsAt: new Date(row.startsAt).toISOString(),
      durationMinutes: row.durationMinutes,
      location: row.location,
      videoUrl: row.videoUrl,
      status: row.status,
      organiserName: row.organiserName,
      itemCount: row.itemCount,
      attendeeCount: row.attendeeIds.length,
      version: row.version,
      canRun: await this.authz.can(principal, 'update', 'Conference', subject),
      canJoin: await this.authz.can(principal, 'join', 'Conference', subject),
    };
  }

  async list(principal: Principal, query: ConferencesQueryDto): Promise<ConferenceSummaryDto[]> {
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Conference', params);
    const rows = await this.repo.list(scope, params, query);
    this.audit.add(principal, {
      objectType: 'Conference',
      action: 'SEARCH',
      basis: 'NONE',
      details: { conferenceIds: rows.map((r) => r.id) },
    });
    return Promise.all(rows.map((r) => this.summary(principal, r)));
  }

  /** Records the identified items the caller received (NEN 7513), one fact per client. */
  private recordItems(
    principal: Principal,
    viewer: Viewer,
    items: { id: string; clientId: string | null; teamId: string | null }[],
    action: 'READ' | 'CREATE' | 'UPDATE' | 'EXPORT',
    conferenceId: string,
  ) {
    for (const item of items) {
      const access = viewer.access(item);
      if (access.view !== 'IDENTIFIED' || !item.clientId) continue;
      this.audit.add(principal, {
        objectType: 'ConferenceItem',
        objectId: item.id,
        clientId: item.clientId,
        action,
        basis: access.basis,
        consentIds: access.consentIds,
        details: { conferenceId },
      });
    }
  }

  async detail(
    principal: Principal,
    id: string,
    action: 'READ' | 'CREATE' | 'UPDATE' | 'EXPORT' = 'READ',
  ): Promise<ConferenceDetailDto> {
    const row = await this.readable(principal, id);
    const [attendees, items, viewer] = await Promise.all([
      this.repo.attendees(id),
      this.repo.items(id),
      this.access.viewer(principal),
    ]);
    this.recordItems(principal, viewer, items, action, id);
    if (!items.some((i) => viewer.access(i).view === 'IDENTIFIED')) {
      this.audit.add(principal, {
        objectType: 'Conference',
        objectId: id,
        action,
        basis: 'NONE',
      });
    }
    return {
      ...(await this.summary(principal, row)),
      currentItemId: row.currentItemId,
      seq: row.eventSeq,
      attendees: attendees.map((a) => ({
        userId: a.userId,
        displayName: a.displayName,
        organisationName: a.organisationName,
        roles: a.roles,
        isClient: !!a.clientId,
      })),
      items: items.map((i) => itemPayload(i, viewer.access(i))),
    };
  }

  /** Who may be invited: active users; clients only to a three-way meeting about themselves. */
  private checkAttendees(
    users: UserRow[],
    ids: string[],
    kind: string,
    agendaClientIds: string[],
  ): void {
    for (const id of ids) {
      const user = users.find((u) => u.id === id);
      if (!user || !user.active)
        throw unprocessable(
          'UNKNOWN_ATTENDEE',
          'One of the invited people does not exist or no longer has an account. Check the list of attendees.',
        );
      if (user.clientId) {
        if (kind !== 'THREE_WAY_MEETING')
          throw unprocessable(
            'CLIENT_ONLY_IN_THREE_WAY_MEETING',
            'A client takes part only in a three-way meeting (driegesprek) about themselves. Plan a three-way meeting instead.',
          );
        if (!agendaClientIds.includes(user.clientId))
          throw unprocessable(
            'CLIENT_ONLY_IN_THREE_WAY_MEETING',
            'A client can only be invited to a three-way meeting about themselves: put the client on the agenda first.',
          );
      }
    }
  }

  /** Agenda items may be added only by care staff of the client (identified access). */
  private async agendaClients(principal: Principal, clientIds: string[]) {
    const clients = await this.repo.clientBasics(clientIds);
    const viewer = await this.access.viewer(principal);
    for (const id of clientIds) {
      const client = clients.find((c) => c.id === id);
      if (!client || !viewer.facts({ clientId: client.id, teamId: client.teamId }).careOfClient)
        throw notFound('client');
    }
    return clients;
  }

  async create(principal: Principal, dto: CreateConferenceDto): Promise<ConferenceDetailDto> {
    if (
      !(await this.authz.can(principal, 'create', 'Conference', {
        teamId: dto.teamId,
        attendeeIds: [],
      }))
    )
      throw forbidden(
        'Only care staff of a team plan its conferences. Choose a team you work in as a care professional.',
      );
    if (!dto.location && !dto.videoUrl)
      throw invalid('location', 'required', 'give a place or a video link');
    const items = dto.items ?? [];
    const clientIds = items.map((i) => i.clientId);
    if (new Set(clientIds).size !== clientIds.length)
      throw invalid('items', 'unique', 'each client can be on the agenda once');
    const clients = await this.agendaClients(principal, clientIds);
    const attendeeIds = [...new Set([principal.userId, ...dto.attendeeIds])];
    const users = await this.repo.users(attendeeIds);
    this.checkAttendees(users, dto.attendeeIds, dto.kind, clientIds);
    const anonymous = dto.kind === 'ANONYMISED_CASE_DISCUSSION';
    const startsAt = new Date(dto.startsAt);
    const id = await this.tx.run(async (m) => {
      const conferenceId = await this.repo.insertConference(m, {
        teamId: dto.teamId,
        kind: dto.kind,
        title: dto.title.trim(),
        startsAt: startsAt.toISOString(),
        durationMinutes: dto.durationMinutes,
        location: dto.location?.trim() || null,
        videoUrl: dto.videoUrl ?? null,
        organiserId: principal.userId,
      });
      await this.repo.addAttendees(m, conferenceId, attendeeIds, principal.userId);
      let position = 1;
      for (const item of items) {
        const client = clients.find((c) => c.id === item.clientId)!;
        await this.repo.insertItem(m, {
          id: randomUUID(),
          conferenceId,
          position: position++,
          // An anonymised discussion keeps no link to the client: pseudonym and age band only.
          clientId: anonymous ? null : client.id,
          pseudonym: client.pseudonym,
          ageBand: ageBand(client.dateOfBirth, startsAt),
          topic: item.topic?.trim() ?? '',
          source: item.source ?? 'MANUAL',
          addedBy: principal.userId,
        });
      }
      return conferenceId;
    });
    return this.detail(principal, id, 'CREATE');
  }

  /**
   * The minutes (per item: minutes, decisions, actions) as a PDF for this caller, built from the
   * same gated view as the live room: an item the caller sees anonymised stays anonymised. The
   * identified items are recorded in the access log as an export.
   */
  async minutesPdf(principal: Principal, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const detail = await this.detail(principal, id, 'EXPORT');
    const pdf = await renderPdf(
      minutesDocument(
        detail,
        { displayName: principal.displayName, locale: principal.locale === 'en' ? 'en' : 'nl' },
        new Date(),
      ),
    );
    const day = amsterdamDate(new Date(detail.startsAt));
    return { pdf, filename: `verslag-${day}-${id.slice(0, 8)}.pdf` };
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateConferenceDto,
  ): Promise<ConferenceDetailDto> {
    const row = await this.runnable(principal, id);
    if (!dto.location && !dto.videoUrl)
      throw invalid('location', 'required', 'give a place or a video link');
    const change = {
      title: dto.title.trim(),
      startsAt: new Date(dto.startsAt).toISOString(),
      durationMinutes: dto.durationMinutes,
      location: dto.location?.trim() || null,
      videoUrl: dto.videoUrl ?? null,
      status: dto.status === 'CANCELLED' ? ('CANCELLED' as const) : row.status,
    };
    await this.tx.run(async (m, emit) => {
      await emit({
        conferenceId: id,
        type: 'conference.updated',
        itemId: null,
        actorId: principal.userId,
        payload: { ...change },
      });
      const ok = await this.repo.updatePlanning(m, id, dto.version, change);
      if (!ok) {
        const current = await this.repo.findById(id, m);
        throw new DomainError(
          HttpStatus.CONFLICT,
          'VERSION_CONFLICT',
          'This conference was changed by someone else in the meantime. Reload it and apply your change again.',
          { current: current ? await this.summary(principal, current) : null },
        );
      }
    });
    return this.detail(principal, id, 'UPDATE');
  }

  async addAttendee(
    principal: Principal,
    id: string,
    dto: AddAttendeeDto,
  ): Promise<ConferenceDetailDto> {
    const row = await this.runnable(principal, id);
    const [users, items] = await Promise.all([this.repo.users([dto.userId]), this.repo.items(id)]);
    this.checkAttendees(
      users,
      [dto.userId],
      row.kind,
      items.map((i) => i.clientId).filter((c): c is string => !!c),
    );
    if (!row.attendeeIds.includes(dto.userId)) {
      await this.tx.run(async (m, emit) => {
        await emit({
          conferenceId: id,
          type: 'attendee.added',
          itemId: null,
          actorId: principal.userId,
          payload: { userId: dto.userId, displayName: users[0].displayName },
        });
        await this.repo.addAttendees(m, id, [dto.userId], principal.userId);
      });
    }
    return this.detail(principal, id, 'UPDATE');
  }

  async removeAttendee(
    principal: Principal,
    id: string,
    userId: string,
  ): Promise<ConferenceDetailDto> {
    const row = await this.runnable(principal, id);
    if (!row.attendeeIds.includes(userId)) throw notFound('attendee');
    await this.tx.run(async (m, emit) => {
      await emit({
        conferenceId: id,
        type: 'attendee.removed',
        itemId: null,
        actorId: principal.userId,
        payload: { userId },
      });
      await this.repo.removeAttendee(m, id, userId);
    });
    return this.detail(principal, id, 'UPDATE');
  }

  /**
   * Who the caller may invite to a conference of the team (care staff of the team only). With a
   * client (three-way meeting): only for care staff of that client of the team, otherwise not
   * found; the answer then holds the client's own account, and the access is logged for them.
   */
  async invitees(principal: Principal, teamId: string, clientId?: string): Promise<InviteeDto[]> {
    if (clientId) {
      const [client] = await this.repo.clientBasics([clientId]);
      const viewer = await this.access.viewer(principal);
      if (
        !client ||
        client.teamId !== teamId ||
        !viewer.facts({ clientId: client.id, teamId: client.teamId }).careOfClient
      ) {
        // The refusal is logged against the client asked about (the interceptor marks it DENIED).
        this.audit.add(principal, {
          objectType: 'Client',
          objectId: clientId,
          clientId,
          action: 'SEARCH',
          basis: 'NONE',
          details: { purpose: 'three-way meeting invitees' },
        });
        throw notFound('client');
      }
    }
    if (!(await this.authz.can(principal, 'create', 'Conference', { teamId, attendeeIds: [] })))
      throw forbidden(
        'Only care staff of a team plan its conferences. Choose a team you work in as a care professional.',
      );
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Client', params);
    const rows = await this.repo.invitees(scope, params, teamId, clientId ?? null);
    const result = rows.map((r) => ({
      ...r,
      teamMember: !!r.teamMember,
      worksWithClient: !!r.worksWithClient,
      isClient: !!r.isClient,
    }));
    if (clientId) {
      const basis = await this.authz.basisFor(principal, clientId, teamId);
      this.audit.add(principal, {
        objectType: 'Client',
        objectId: clientId,
        clientId,
        action: 'SEARCH',
        basis: basis.basis,
        consentIds: basis.consentIds,
        details: {
          purpose: 'three-way meeting invitees',
          clientAccount: result.some((r) => r.isClient),
        },
      });
    }
    return result;
  }

  /** Clients proposed for the agenda: on the board, new referrals, and any registered sources. */
  async proposals(principal: Principal, id: string): Promise<ProposalDto[]> {
    const row = await this.runnable(principal, id);
    const params = new SqlParams();
    const scope = await this.authz.scope(principal, 'read', 'Client', params);
    const rows = await this.repo.proposals(scope, params, row.teamId);
    const extra = (
      await Promise.all(this.sources.map((s) => s.propose(principal, row.teamId)))
    ).flat();
    const result: ProposalDto[] = [
      ...rows.map((r) => ({
        clientId: r.clientId,
        name: `${r.firstName} ${r.lastName}`,
        pseudonym: r.pseudonym,
        source: r.source,
        reason:
          r.source === 'BOARD'
            ? `on the board since ${r.since ? amsterdamDate(new Date(r.since)) : '?'}`
            : `new referral (${r.since ? amsterdamDate(new Date(r.since)) : '?'})`,
      })),
      ...extra,
    ];
    this.audit.add(principal, {
      objectType: 'Client',
      action: 'SEARCH',
      basis: 'TREATMENT_RELATIONSHIP',
      clientIds: [...new Set(result.map((r) => r.clientId))],
      details: { conferenceId: id, purpose: 'agenda proposals' },
    });
    return result;
  }

  async addItem(
    principal: Principal,
    id: string,
    dto: { clientId: string; topic?: string; source?: ItemSource },
  ): Promise<ConferenceDetailDto> {
    const row = await this.runnable(principal, id);
    const [client] = await this.agendaClients(principal, [dto.clientId]);
    const anonymous = row.kind === 'ANONYMISED_CASE_DISCUSSION';
    await this.tx.run(async (m, emit) => {
      const itemId = randomUUID();
      const event = {
        conferenceId: id,
        type: 'item.added',
        itemId,
        actorId: principal.userId,
        payload: {},
      };
      await emit(event);
      const inserted = await this.repo.insertItem(m, {
        id: itemId,
        conferenceId: id,
        position: await this.repo.nextPosition(m, id),
        clientId: anonymous ? null : client.id,
        pseudonym: client.pseudonym,
        ageBand: ageBand(client.dateOfBirth, new Date(row.startsAt)),
        topic: dto.topic?.trim() ?? '',
        source: dto.source ?? 'MANUAL',
        addedBy: principal.userId,
      });
      if (!inserted)
        throw new DomainError(
          HttpStatus.CONFLICT,
          'ALREADY_ON_AGENDA',
          'This client is already on the agenda of this conference.',
        );
      ConferenceTx.resolve(event, { item: await this.repo.item(itemId, m) });
    });
    return this.detail(principal, id, 'UPDATE');
  }

  async withdrawItem(
    principal: Principal,
    id: string,
    itemId: string,
  ): Promise<ConferenceDetailDto> {
    await this.runnable(principal, id);
    const item = await this.repo.item(itemId);
    if (!item || item.conferenceId !== id || item.withdrawn) throw notFound('agenda item');
    await this.tx.run(async (m, emit) => {
      await emit({
        conferenceId: id,
        type: 'item.withdrawn',
        itemId,
        actorId: principal.userId,
        payload: {},
      });
      await this.repo.withdrawItem(m, itemId);
    });
    return this.detail(principal, id, 'UPDATE');
  }

  /**
   * Closes the meeting and, in the same transaction, writes each item's identified minutes into
   * the client's file: the TREATMENT section as a treatment note, the PARTICIPATION section as a
   * participation note (author: who wrote it last; contributors named in the text). Anonymised
   * minutes stay with the conference; care staff may attach them to a file later.
   */
  async close(principal: Principal, id: string): Promise<CloseResultDto> {
    const row = await this.runnable(principal, id);
    const contactOn = amsterdamDate(new Date(row.startsAt));
    const written = await this.tx.run(async (m, emit) => {
      await emit(
        {
          conferenceId: id,
          type: 'conference.closed',
          itemId: null,
          actorId: principal.userId,
          payload: {},
        },
        { close: true },
      );
      const result: CloseResultDto['notes'] = [];
      for (const minutes of await this.repo.minutesForFile(m, id)) {
        const title = `${KIND_LABEL[row.kind]} ${contactOn}: ${row.title}`.slice(0, 200);
        const body =
          `${minutes.text.trim()}\n\nVerslag van: ${minutes.contributors.join(', ')}`.slice(
            0,
            20000,
          );
        const noteId = await this.notes.insert(m, {
          clientId: minutes.clientId,
          domain:
            minutes.section === 'TREATMENT' ? RecordDomain.TREATMENT : RecordDomain.PARTICIPATION,
          authorId: minutes.authorId,
          organisationId: minutes.organisationId,
          contactOn,
          title,
          body,
          sharedWithClient: false,
        });
        await this.repo.linkMinutesToNote(m, minutes.itemId, minutes.section, noteId);
        result.push({
          itemId: minutes.itemId,
          clientId: minutes.clientId,
          domain: minutes.section,
          noteId,
        });
      }
      return result;
    });
    for (const note of written) {
      this.audit.add(principal, {
        objectType: 'Note',
        objectId: note.noteId,
        clientId: note.clientId,
        action: 'CREATE',
        basis: 'TREATMENT_RELATIONSHIP',
        details: { conferenceId: id, itemId: note.itemId, domain: note.domain },
      });
    }
    if (!written.length)
      this.audit.add(principal, {
        objectType: 'Conference',
        objectId: id,
        action: 'UPDATE',
        basis: 'NONE',
        details: { event: 'CLOSED' },
      });
    return { conferenceId: id, status: 'CLOSED', notes: written };
  }

  /** Care staff attach an item's anonymised minutes to a client's file (never automatic). */
  async attach(
    principal: Principal,
    id: string,
    itemId: string,
    dto: AttachMinutesDto,
  ): Promise<AttachResultDto> {
    const row = await this.readable(principal, id);
    const item = await this.repo.item(itemId);
    if (!item || item.conferenceId !== id) throw notFound('agenda item');
    const [client] = await this.repo.clientBasics([dto.clientId]);
    const viewer = await this.access.viewer(principal);
    if (!client || !viewer.facts({ clientId: client.id, teamId: client.teamId }).careOfClient)
      throw notFound('client');
    if (item.clientId && item.clientId !== client.id)
      throw unprocessable(
        'WRONG_CLIENT',
        'This agenda item is about another client. Choose the client the item was about.',
      );
    const draft = {
      clientId: client.id,
      teamId: client.teamId,
      domain: dto.domain,
      authorId: principal.userId,
      organisationId: principal.organisationId,
      sharedWithClient: false,
    };
    if (!viewer.can('create', 'Note', draft))
      throw forbidden(`You may not write ${dto.domain.toLowerCase()} notes for this client.`);
    const text = item.minutes.ANONYMISED?.text.trim() ?? '';
    if (!text)
      throw unprocessable(
        'NOTHING_TO_ATTACH',
        'This item has no anonymised minutes to attach to a file.',
      );
    const contactOn = amsterdamDate(new Date(row.startsAt));
    const noteId = await this.tx.run(async (m) => {
      const newId = await this.notes.insert(m, {
        clientId: client.id,
        domain: dto.domain,
        authorId: principal.userId,
        organisationId: principal.organisationId,
        contactOn,
        title: `${KIND_LABEL[row.kind]} ${contactOn} (anoniem besproken): ${row.title}`.slice(
          0,
          200,
        ),
        body: `${text}\n\nBesproken als ${item.pseudonym} (${item.ageBand}); later aan het dossier gekoppeld.`,
        sharedWithClient: false,
      });
      if (!(await this.repo.markAttached(m, itemId, newId)))
        throw new DomainError(
          HttpStatus.CONFLICT,
          'ALREADY_ATTACHED',
          'These minutes were already attached to a file.',
        );
      return newId;
    });
    this.audit.add(principal, {
      objectType: 'Note',
      objectId: noteId,
      clientId: client.id,
      action: 'CREATE',
      basis: 'TREATMENT_RELATIONSHIP',
      details: { conferenceId: id, itemId, attached: true },
    });
    return { noteId, clientId: client.id, domain: dto.domain };
  }

  async createSeries(principal: Principal, dto: CreateSeriesDto): Promise<SeriesResultDto> {
    if (
      !(await this.authz.can(principal, 'create', 'Conference', {
        teamId: dto.teamId,
        attendeeIds: [],
      }))
    )
      throw forbidden('Only care staff of a team plan its board meetings.');
    if (!dto.location && !dto.videoUrl)
      throw invalid('location', 'required', 'give a place or a video link');
    const days = (Date.parse(dto.endsOn) - Date.parse(dto.startsOn)) / 86_400_000;
    if (days < 0) throw invalid('endsOn', 'after', 'endsOn must not lie before startsOn');
    if (days > 366)
      throw invalid('endsOn', 'max', 'a series runs at most a year; plan a new one after that');
    const attendeeIds = [...new Set([principal.userId, ...dto.attendeeIds])];
    const users = await this.repo.users(attendeeIds);
    this.checkAttendees(users, dto.attendeeIds, dto.kind, []);
    const result = await this.tx.run(async (m) => {
      const seriesId = await this.repo.insertSeries(m, {
        teamId: dto.teamId,
        kind: dto.kind,
        title: dto.title.trim(),
        weekdays: [...dto.weekdays].sort(),
        startTime: dto.startTime,
        durationMinutes: dto.durationMinutes,
        location: dto.location?.trim() || null,
        videoUrl: dto.videoUrl ?? null,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        createdBy: principal.userId,
      });
      const conferenceIds = await this.repo.generateOccurrences(m, seriesId, attendeeIds);
      return { seriesId, conferenceIds };
    });
    this.audit.add(principal, {
      objectType: 'ConferenceSeries',
      objectId: result.seriesId,
      action: 'CREATE',
      basis: 'NONE',
      details: { occurrences: result.conferenceIds.length },
    });
    return result;
  }

  /** An action item as its reader may see it: the client named only in an identified view. */
  private taskDto(row: TaskRow, viewer: Viewer): TaskDto {
    const access = viewer.access({ clientId: row.clientId, teamId: row.teamId });
    const identified = access.view === 'IDENTIFIED' && !!row.firstName;
    const hidden = row.visibility === 'IDENTIFIED' && !identified;
    return {
      id: row.id,
      text: hidden
        ? 'Details not available: you no longer see this client identified (consent ended).'
        : row.text,
      about: identified ? `${row.firstName} ${row.lastName}` : row.pseudonym,
      view: identified ? 'IDENTIFIED' : 'ANONYMISED',
      ...(identified && row.clientId ? { clientId: row.clientId } : {}),
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      dueOn: row.dueOn,
      status: row.status,
      version: row.version,
      conferenceId: row.conferenceId,
      conferenceTitle: row.conferenceTitle,
      conferenceStartsAt: new Date(row.conferenceStartsAt).toISOString(),
    };
  }

  private recordTasks(principal: Principal, viewer: Viewer, tasks: TaskRow[]) {
    const seen = new Set<string>();
    for (const t of tasks) {
      if (!t.clientId || seen.has(t.clientId)) continue;
      const access = viewer.access({ clientId: t.clientId, teamId: t.teamId });
      if (access.view !== 'IDENTIFIED') continue;
      seen.add(t.clientId);
      this.audit.add(principal, {
        objectType: 'ConferenceAction',
        clientId: t.clientId,
        action: 'READ',
        basis: access.basis,
        consentIds: access.consentIds,
        details: { actionIds: tasks.filter((x) => x.clientId === t.clientId).map((x) => x.id) },
      });
    }
  }

  async tasks(principal: Principal): Promise<TaskDto[]> {
    const [rows, viewer] = await Promise.all([
      this.repo.tasksOf(principal.userId),
      this.access.viewer(principal),
    ]);
    this.recordTasks(principal, viewer, rows);
    if (!rows.length)
      this.audit.add(principal, { objectType: 'ConferenceAction', action: 'READ', basis: 'NONE' });
    return rows.map((r) => this.taskDto(r, viewer));
  }

  async completeTask(
    principal: Principal,
    actionId: string,
    dto: CompleteTaskDto,
  ): Promise<TaskDto> {
    const row = await this.repo.action(actionId);
    if (!row || row.ownerId !== principal.userId) throw notFound('action item');
    const ok = await this.tx.run((m) =>
      this.repo.completeAction(m, actionId, dto.version, dto.done),
    );
    const viewer = await this.access.viewer(principal);
    const updated = (await this.repo.action(actionId)) as TaskRow;
    if (!ok)
      throw new DomainError(
        HttpStatus.CONFLICT,
        'VERSION_CONFLICT',
        'This action item was changed in the meantime. Reload your task list.',
        { current: this.taskDto(updated, viewer) },
      );
    this.recordTasks(principal, viewer, [updated]);
    if (!updated.clientId)
      this.audit.add(principal, {
        objectType: 'ConferenceAction',
        objectId: actionId,
        action: 'UPDATE',
        basis: 'NONE',
      });
    return this.taskDto(updated, viewer);
  }

  /**
   * Action items about a client, for the client page: all of them for care staff and for whoever
   * sees the client identified in conferences; otherwise only the reader's own.
   */
  async clientActions(principal: Principal, clientId: string): Promise<TaskDto[]> {
    const [client] = await this.repo.clientBasics([clientId]);
    if (
      !client ||
      !(await this.authz.can(principal, 'read', 'Client', { id: client.id, teamId: client.teamId }))
    )
      throw notFound('client');
    const [rows, viewer] = await Promise.all([
      this.repo.actionsForClient(clientId),
      this.access.viewer(principal),
    ]);
    const identified = viewer.access({ clientId, teamId: client.teamId }).view === 'IDENTIFIED';
    const visible = rows.filter((r) => identified || r.ownerId === principal.userId);
    const basis = await this.authz.basisFor(principal, client.id, client.teamId);
    this.audit.add(principal, {
      objectType: 'ConferenceAction',
      clientId,
      action: 'READ',
      basis: basis.basis,
      consentIds: basis.consentIds,
      details: { actionIds: visible.map((r) => r.id) },
    });
    return visible.map((r) => this.taskDto(r, viewer));
  }

  /** Attendees with the roles that may take a decision (the client's regiebehandelaar). */
  static isRegie(user: UserRow | undefined, teamId: string, regieOfClient: string | null) {
    if (!user) return false;
    if (regieOfClient && user.id === regieOfClient) return true;
    return user.roles.includes(Role.REGIEBEHANDELAAR) && user.teamIds.includes(teamId);
  }
}
