import type { ConferenceEvent } from './conference-bus';
import { ItemAccess, Section, itemPayload, mayReceive } from './privacy-gate';

/** What one socket receives for one event: its own version, or a bare `skip` keeping the numbering. */
export type Envelope = { conferenceId: string; seq: number; type: string } & Record<
  string,
  unknown
>;

/**
 * Builds the envelope of a committed event for one attendee, given their access to the event's
 * item (null when the event concerns no item). Item-specific content goes through the privacy
 * gate; anything the attendee may not receive becomes `{ type: 'skip' }` with the same number, so
 * clients can still tell a gap (missed events) from content they are not meant to see.
 */
export function envelopeFor(event: ConferenceEvent, access: ItemAccess | null): Envelope {
  const base = { conferenceId: event.conferenceId, seq: event.seq };
  const skip: Envelope = { ...base, type: 'skip' };
  const r = event.resolved ?? {};
  switch (event.type) {
    case 'item.added':
      if (!r.item || !access) return skip;
      return { ...base, type: event.type, item: itemPayload(r.item, access) };
    case 'minutes.changed': {
      const section = event.payload.section as Section;
      if (!access?.readable.includes(section) || r.text === undefined) return skip;
      return {
        ...base,
        type: event.type,
        itemId: event.itemId,
        section,
        version: event.payload.version,
        text: r.text,
        byName: event.payload.byName,
        merged: event.payload.merged,
      };
    }
    case 'decision.added':
      if (!r.decision || !access || !mayReceive(access, r.decision.visibility)) return skip;
      return { ...base, type: event.type, itemId: event.itemId, decision: { ...r.decision } };
    case 'action.added':
      if (!r.action || !access || !mayReceive(access, r.action.visibility)) return skip;
      return { ...base, type: event.type, itemId: event.itemId, action: { ...r.action } };
    default:
      // Conference-level events carry no client data (ids, names of attendees, planning fields).
      return { ...base, type: event.type, itemId: event.itemId, ...event.payload };
  }
}
