import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthService } from '@tandem/api-auth';
import { AuthzService, forbidden, notFound } from '@tandem/api-authz';
import { DomainError } from '@tandem/api-core';
import { mergeMinutes, type Principal } from '@tandem/domain';
import { ActionMessage, DecisionMessage, MinutesMessage } from '../dtos/conferences.dto';
import {
  AttendeeRow,
  ConferenceRow,
  ConferencesRepository,
  EventRow,
} from '../repositories/conferences.repository';
import { ConferenceAccess, Viewer } from './conference-access';
import { ConferenceEvent, ResolvedContent } from './conference-bus';
import { ConferenceTx } from './conference-tx';
import { ConferencesService, conferenceSubject } from './conferences.service';
import { ItemRecord, Section, Visibility } from './privacy-gate';

export type MinutesResult =
  | { ok: true; version: number; text: string; merged: boolean }
  | {
      ok: false;
      code: 'VERSION_CONFLICT';
      message: string;
      current: { text: string; version: number };
    };

const SECTION_LABEL: Record<Section, string> = {
  TREATMENT: 'treatment',
  PARTICIPATION: 'participation',
  ANONYMISED: 'anonymised',
};

/** The live room's operations, for the socket gateway: join, current item, minutes, decisions, actions. */
@Injectable()
export class RoomService {
  constructor(
    private readonly repo: ConferencesRepository,
    private readonly authz: AuthzService,
    private readonly access: ConferenceAccess,
    private readonly tx: ConferenceTx,
    private readonly auth: AuthService,
  ) {}

  /**
   * The conference if the caller may join its room (attendees only): not found when they may not
   * even read it, forbidden when they may read it (care staff of the team) but were not invited.
   */
  async joinable(principal: Principal, conferenceId: string): Promise<ConferenceRow> {
    const row = await this.repo.findById(conferenceId);
    if (!row) throw notFound('conference');
    await this.authz.assert(principal, 'join', 'Conference', conferenceSubject(row), {
      what: 'conference',
      message: 'Only attendees join the live room. Ask the organiser to invite you.',
    });
    return row;
  }

  private async runnable(principal: Principal, conferenceId: string): Promise<ConferenceRow> {
    const row = await this.joinable(principal, conferenceId);
    if (!(await this.authz.can(principal, 'update', 'Conference', conferenceSubject(row))))
      throw forbidden('Only care staff of the organising team chair the meeting.');
    return row;
  }

  /** Everything an attendee needs to open the room, before gating. */
  async snapshot(
    principal: Principal,
    conferenceId: string,
  ): Promise<{
    row: ConferenceRow;
    viewer: Viewer;
    items: ItemRecord[];
    attendees: AttendeeRow[];
  }> {
    const row = await this.joinable(principal, conferenceId);
    const [viewer, items, attendees] = await Promise.all([
      this.access.viewer(principal),
      this.repo.items(conferenceId),
      this.repo.attendees(conferenceId),
    ]);
    return { row, viewer, items, attendees };
  }

  private async openItem(conferenceId: string, itemId: string): Promise<ItemRecord> {
    const item = await this.repo.item(itemId);
    if (!item || item.conferenceId !== conferenceId || item.withdrawn)
      throw notFound('agenda item');
    return item;
  }

  async selectItem(principal: Principal, conferenceId: string, itemId: string | null) {
    await this.runnable(principal, conferenceId);
    if (itemId) await this.openItem(conferenceId, itemId);
    return this.tx.run(
      async (_m, emit) =>
        emit(
          {
            conferenceId,
            type: 'current.changed',
            itemId,
            actorId: principal.userId,
            payload: {},
          },
          { live: true, currentItemId: itemId },
        ),
      { lock: conferenceId },
    );
  }

  /**
   * Saves an attendee's version of one section of an item's minutes. Based on the current version:
   * saved. Based on an older one: merged with what others saved meanwhile when the edits do not
   * overlap, otherwise refused with the current text (nothing is overwritten).
   */
  async writeMinutes(principal: Principal, msg: MinutesMessage): Promise<MinutesResult> {
    // The hot path of a live meeting: the checks run side by side, on fresh facts.
    const [viewer, row, item] = await Promise.all([
      this.access.viewer(principal),
      this.repo.findById(msg.conferenceId),
      this.repo.itemRef(msg.itemId),
    ]);
    if (!row || !viewer.can('read', 'Conference', conferenceSubject(row)))
      throw notFound('conference');
    if (!viewer.can('join', 'Conference', conferenceSubject(row)))
      throw forbidden('Only attendees join the live room. Ask the organiser to invite you.');
    if (!item || item.conferenceId !== msg.conferenceId || item.withdrawn)
      throw notFound('agenda item');
    const access = viewer.access(item);
    if (!access.writable.includes(msg.section))
      throw forbidden(
        access.readable.includes(msg.section) || msg.section === 'ANONYMISED'
          ? `You may not write the ${SECTION_LABEL[msg.section]} minutes of this item.`
          : 'You may not write these minutes: write in the sections offered to you.',
      );
    return this.tx.run(
      async (m, emit) => {
        const current = await this.repo.lockMinutes(m, msg.itemId, msg.section);
        let text = msg.text;
        let merged = false;
        if (current.version !== msg.baseVersion) {
          const base =
            msg.baseVersion < current.version
              ? await this.repo.minutesRevision(m, msg.itemId, msg.section, msg.baseVersion)
              : null;
          const result = base === null ? null : mergeMinutes(base, current.text, msg.text);
          if (result === null || result.length > 20000) {
            return {
              ok: false as const,
              code: 'VERSION_CONFLICT' as const,
              message:
                'Someone changed the same part of these minutes meanwhile. Your text is kept on your screen; compare it with the current text and save again.',
              current: { text: current.text, version: current.version },
            };
          }
          text = result;
          merged = true;
        }
        if (text === current.text)
          return { ok: true as const, version: current.version, text, merged };
        const version = current.version + 1;
        await this.repo.saveMinutes(
          m,
          msg.itemId,
          msg.section,
          version,
          text,
          principal.userId,
          merged,
        );
        await emit({
          conferenceId: msg.conferenceId,
          type: 'minutes.changed',
          itemId: msg.itemId,
          actorId: principal.userId,
          payload: { section: msg.section, version, merged, byName: principal.displayName },
          resolved: { text },
        });
        return { ok: true as const, version, text, merged };
      },
      { lock: msg.conferenceId },
    );
  }

  /** A decision on an item, taken by the client's regiebehandelaar (or a regiebehandelaar of the team). */
  async addDecision(principal: Principal, msg: DecisionMessage) {
    const row = await this.runnable(principal, msg.conferenceId);
    const item = await this.openItem(msg.conferenceId, msg.itemId);
    const access = (await this.access.viewer(principal)).access(item);
    const visibility: Visibility = item.clientId ? (msg.visibility ?? 'IDENTIFIED') : 'ALL';
    if (visibility === 'IDENTIFIED' && access.view !== 'IDENTIFIED')
      throw forbidden('You see this item anonymised: record the decision for everyone (ALL).');
    if (!row.attendeeIds.includes(msg.decidedBy))
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'DECIDER_NOT_PRESENT',
        'The person who decides must be an attendee of this conference.',
      );
    const [decider] = await this.repo.users([msg.decidedBy]);
    const regie = item.clientId ? await this.repo.regiebehandelaarOf(item.clientId) : null;
    if (!ConferencesService.isRegie(decider, row.teamId, regie))
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NOT_THE_REGIEBEHANDELAAR',
        'Decisions are taken by the regiebehandelaar: choose the client’s regiebehandelaar (or a regiebehandelaar of the team).',
      );
    return this.tx.run(
      async (m, emit) => {
        const id = randomUUID();
        const decision = {
          id,
          text: msg.text.trim(),
          visibility,
          decidedBy: msg.decidedBy,
          decidedByName: decider.displayName,
          createdAt: new Date().toISOString(),
        };
        await this.repo.insertDecision(m, {
          id,
          itemId: item.id,
          text: decision.text,
          visibility,
          decidedBy: msg.decidedBy,
          recordedBy: principal.userId,
        });
        await emit({
          conferenceId: msg.conferenceId,
          type: 'decision.added',
          itemId: item.id,
          actorId: principal.userId,
          payload: { decisionId: id },
          resolved: { decision },
        });
        return decision;
      },
      { lock: msg.conferenceId },
    );
  }

  /** An action item with an owner (an attendee) and a due date; it lands on the owner's task list. */
  async addAction(principal: Principal, msg: ActionMessage) {
    const row = await this.runnable(principal, msg.conferenceId);
    const item = await this.openItem(msg.conferenceId, msg.itemId);
    const access = (await this.access.viewer(principal)).access(item);
    const visibility: Visibility = item.clientId ? (msg.visibility ?? 'IDENTIFIED') : 'ALL';
    if (visibility === 'IDENTIFIED' && access.view !== 'IDENTIFIED')
      throw forbidden('You see this item anonymised: record the action for everyone (ALL).');
    if (!row.attendeeIds.includes(msg.ownerId))
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'OWNER_NOT_PRESENT',
        'The owner of an action must be an attendee of this conference.',
      );
    const owner = await this.auth.principalOfUser(msg.ownerId);
    if (!owner)
      throw new DomainError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'OWNER_NOT_PRESENT',
        'The owner of an action must be an attendee with an active account.',
      );
    if (visibility === 'IDENTIFIED') {
      const ownerAccess = (await this.access.viewer(owner)).access(item);
      if (ownerAccess.view !== 'IDENTIFIED')
        throw new DomainError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'OWNER_SEES_ANONYMISED',
          `${owner.displayName} sees this client anonymised. Write the action without identifying details and make it visible to all (ALL).`,
        );
    }
    return this.tx.run(
      async (m, emit) => {
        const id = randomUUID();
        const action = {
          id,
          text: msg.text.trim(),
          visibility,
          ownerId: owner.userId,
          ownerName: owner.displayName,
          dueOn: msg.dueOn,
          status: 'OPEN' as const,
          createdAt: new Date().toISOString(),
        };
        await this.repo.insertAction(m, {
          id,
          conferenceId: msg.conferenceId,
          itemId: item.id,
          clientId: item.clientId,
          text: action.text,
          visibility,
          ownerId: owner.userId,
          dueOn: msg.dueOn,
          createdBy: principal.userId,
        });
        await emit({
          conferenceId: msg.conferenceId,
          type: 'action.added',
          itemId: item.id,
          actorId: principal.userId,
          payload: { actionId: id },
          resolved: { action },
        });
        return action;
      },
      { lock: msg.conferenceId },
    );
  }

  /** Loads what stored events refer to (for another instance's fan-out and for replay). */
  async resolve(events: EventRow[]): Promise<ConferenceEvent[]> {
    const items = new Map<string, ItemRecord | null>();
    const itemOf = async (id: string) => {
      if (!items.has(id)) items.set(id, await this.repo.item(id));
      return items.get(id) ?? null;
    };
    const result: ConferenceEvent[] = [];
    for (const e of events) {
      const resolved: ResolvedContent = {};
      if (e.itemId) {
        if (e.type === 'item.added') resolved.item = await itemOf(e.itemId);
        if (e.type === 'minutes.changed') {
          const text = await this.repo.minutesRevisionText(
            e.itemId,
            e.payload.section as Section,
            Number(e.payload.version),
          );
          if (text !== null) resolved.text = text;
        }
        if (e.type === 'decision.added')
          resolved.decision = (await itemOf(e.itemId))?.decisions.find(
            (d) => d.id === e.payload.decisionId,
          );
        if (e.type === 'action.added')
          resolved.action = (await itemOf(e.itemId))?.actions.find(
            (a) => a.id === e.payload.actionId,
          );
      }
      result.push({
        conferenceId: e.conferenceId,
        seq: e.seq,
        type: e.type,
        itemId: e.itemId,
        actorId: e.actorId,
        payload: e.payload,
        resolved,
      });
    }
    return result;
  }

  /** The item (with client team) an event concerns, for computing a socket's access to it. */
  item(itemId: string) {
    return this.repo.item(itemId);
  }

  events(conferenceId: string, afterSeq: number) {
    return this.repo.events(conferenceId, afterSeq);
  }

  eventAt(conferenceId: string, seq: number) {
    return this.repo.events(conferenceId, seq - 1, 1);
  }

  isAttendee(conferenceId: string, userId: string) {
    return this.repo.isAttendee(conferenceId, userId);
  }

  openConferencesWithClient(clientId: string) {
    return this.repo.openConferencesWithClient(clientId);
  }
}
