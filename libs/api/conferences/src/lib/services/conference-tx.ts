import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, afterCommit } from '@tandem/api-core';
import { ConferencesRepository } from '../repositories/conferences.repository';
import { ConferenceBus, ConferenceEvent, ResolvedContent } from './conference-bus';

export type EmitEvent = (
  event: Omit<ConferenceEvent, 'seq'>,
  extra?: { close?: boolean; live?: boolean; currentItemId?: string | null },
) => Promise<number>;

export const conferenceClosed = () =>
  new DomainError(
    HttpStatus.CONFLICT,
    'CONFERENCE_CLOSED',
    'This conference is closed or cancelled; nothing can be added any more. Plan a new one for follow-up.',
  );

/**
 * Runs a change to a conference in one transaction with its numbered events (an outbox): the
 * events are published to the live rooms only after the transaction commits, so nobody sees a
 * change that was rolled back, and a reconnecting client replays from the stored events.
 */
@Injectable()
export class ConferenceTx {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ConferencesRepository,
    private readonly bus: ConferenceBus,
  ) {}

  async run<T>(
    work: (m: EntityManager, emit: EmitEvent) => Promise<T>,
    options: { lock?: string } = {},
  ): Promise<T> {
    const events: ConferenceEvent[] = [];
    const result = await this.db.transaction(async (m) => {
      if (options.lock && !(await this.repo.lockOpen(m, options.lock))) throw conferenceClosed();
      const emit: EmitEvent = async (event, extra) => {
        const seq = await this.repo.appendEvent(
          m,
          event.conferenceId,
          event.type,
          event.itemId,
          event.actorId,
          event.payload,
          extra,
        );
        if (seq === null) throw conferenceClosed();
        // The caller's own object: content it resolves after this call (`ConferenceTx.resolve`,
        // e.g. the item an `item.added` inserts) must reach the published event.
        const published = event as ConferenceEvent;
        published.seq = seq;
        events.push(published);
        return seq;
      };
      return work(m, emit);
    });
    // After the commit — of the enclosing write unit, when an HTTP write runs this.
    afterCommit(() => this.bus.publish(events));
    return result;
  }

  /** Adds content to an event that was emitted in `run` (known only after the insert). */
  static resolve(event: Omit<ConferenceEvent, 'seq'>, resolved: ResolvedContent) {
    event.resolved = { ...(event.resolved ?? {}), ...resolved };
  }
}
