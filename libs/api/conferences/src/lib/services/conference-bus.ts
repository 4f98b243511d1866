import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { ActionRecord, DecisionRecord, ItemRecord } from './privacy-gate';

/** What an event refers to, loaded once (never sent as is: each attendee gets their own version). */
export interface ResolvedContent {
  item?: ItemRecord | null;
  text?: string;
  decision?: DecisionRecord;
  action?: ActionRecord;
}

/** A committed conference event, with its content when the publishing code already holds it. */
export interface ConferenceEvent {
  conferenceId: string;
  seq: number;
  type: string;
  itemId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  resolved?: ResolvedContent;
}

/**
 * In-process stream of committed conference events (published only after the transaction that
 * wrote them commits). The live gateway fans them out to this instance's sockets and tells the
 * other instances the event numbers; they load the events themselves.
 */
@Injectable()
export class ConferenceBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  publish(events: ConferenceEvent[]): void {
    for (const event of events) this.emitter.emit('event', event);
  }

  on(listener: (event: ConferenceEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
