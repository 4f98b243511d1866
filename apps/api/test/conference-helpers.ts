/* eslint-disable @typescript-eslint/no-explicit-any -- socket payloads and response bodies are untyped JSON in tests */
import { io, Socket } from 'socket.io-client';
import { DEMO_ORGS, DEMO_TEAMS, demoClients, demoUser, stableId } from '@tandem/api-data-access';
import type { TestApp } from './harness';

export const monique = demoClients().find((c) => c.key === 'monique')!;
export const simon = demoClients().find((c) => c.key === 'simon')!;
export const zuidClient = demoClients().find((c) => c.key === 'client-60')!;
export const MONIQUE_DIAGNOSIS = 'Depressieve stoornis met psychotische kenmerken';
export const MONIQUE_CONSENT = stableId('consent:monique:casusoverleg');
export const NOORD = DEMO_TEAMS.noord.id;
export const userId = (key: string) => demoUser(key).id;

/** Everything that identifies Monique; none of it may reach someone who sees her anonymised. */
export const MONIQUE_IDENTIFIERS = [
  'Monique',
  'van Dam',
  '1981-03-14',
  monique.id,
  MONIQUE_DIAGNOSIS,
];

/** Plans a partner case discussion (the demo's "done when" meeting) as the key worker. */
export async function planPartnerDiscussion(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; itemId: string; body: any }> {
  const res = await t.request('POST', '/api/v1/conferences', {
    token: await t.tokenFor('keyworker'),
    body: {
      teamId: NOORD,
      kind: 'PARTNER_CASE_DISCUSSION',
      title: 'Casusoverleg werk en inkomen',
      startsAt: '2026-12-01T13:00:00+01:00',
      durationMinutes: 60,
      location: 'Gemeentehuis Rivierstad, kamer 2.14',
      attendeeIds: [userId('klantmanager'), userId('regie'), userId('ips')],
      items: [
        {
          clientId: monique.id,
          topic: 'Monique: werkervaringsplaats en vrijstelling',
          source: 'MANUAL',
        },
      ],
      ...overrides,
    },
  });
  if (res.status !== 201) throw new Error(`plan failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, itemId: res.body.items[0]?.id, body: res.body };
}

/**
 * The klantmanager asks Monique for a case-conference consent and Monique accepts it in her
 * passport; returns the consent id.
 */
export async function giveIdentityConsent(t: TestApp): Promise<string> {
  const requested = await t.request('POST', `/api/v1/clients/${monique.id}/consent-requests`, {
    token: await t.tokenFor('klantmanager'),
    body: {
      recipientType: 'ORGANISATION',
      recipientOrganisationId: DEMO_ORGS.gemeente.id,
      purpose: 'CASUSOVERLEG',
      categories: ['CONFERENCE_IDENTITY'],
    },
  });
  if (requested.status !== 201)
    throw new Error(`request failed: ${requested.status} ${JSON.stringify(requested.body)}`);
  const accepted = await t.request('POST', `/api/v1/me/consents/${requested.body.id}/accept`, {
    token: await t.tokenFor('monique'),
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
  return requested.body.id;
}

export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** A socket on /conference that records everything it receives. */
export interface RoomClient {
  socket: Socket;
  received: { event: string; payload: any; at: number }[];
  /** Serialised everything received, to search for identifiers. */
  all(): string;
  next(event: string, predicate?: (payload: any) => boolean, timeoutMs?: number): Promise<any>;
  send(event: string, body: unknown): Promise<any>;
}

export function connectRoom(base: string, token?: string): Promise<RoomClient> {
  return new Promise((resolve) => {
    const socket = io(`${base}/conference`, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const received: RoomClient['received'] = [];
    const waiters: { event: string; predicate: (p: any) => boolean; resolve: (p: any) => void }[] =
      [];
    socket.onAny((event, payload) => {
      received.push({ event, payload, at: Date.now() });
      for (const w of [...waiters]) {
        if (w.event === event && w.predicate(payload)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(payload);
        }
      }
    });
    const client: RoomClient = {
      socket,
      received,
      all: () => JSON.stringify(received.map((r) => r.payload)),
      next: (event, predicate = () => true, timeoutMs = 3000) => {
        const seen = received.find((r) => r.event === event && predicate(r.payload));
        if (seen) return Promise.resolve(seen.payload);
        return new Promise((res, rej) => {
          const timer = setTimeout(
            () => rej(new Error(`no ${event} within ${timeoutMs} ms`)),
            timeoutMs,
          );
          waiters.push({
            event,
            predicate,
            resolve: (p) => {
              clearTimeout(timer);
              res(p);
            },
          });
        });
      },
      send: (event, body) => socket.timeout(5000).emitWithAck(event, body),
    };
    socket.on('connect', () => resolve(client));
    socket.on('connect_error', () => resolve(client));
  });
}

export const closed = (socket: Socket) =>
  new Promise<void>((resolve) =>
    socket.connected ? socket.once('disconnect', () => resolve()) : resolve(),
  );
