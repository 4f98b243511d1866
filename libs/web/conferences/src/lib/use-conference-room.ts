import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveConnect, useSession } from '@tandem/web-data-access';
import { RoomStore, type RoomState } from './room-store';

/** The socket.io namespace of the live case-conference room. */
export const CONFERENCE_NAMESPACE = '/conference';

const IDLE: RoomState = {
  status: 'connecting',
  code: null,
  conference: null,
  attendees: [],
  items: [],
  currentItemId: null,
  online: [],
  seq: 0,
  drafts: {},
  notices: [],
  resyncs: 0,
};
const noop = () => () => undefined;

/**
 * Opens the live room of a conference with the current access token (null: no room). A new
 * access token opens a new socket, which joins with the last event number so nothing is missed.
 */
export function useConferenceRoom(conferenceId: string | null): {
  state: RoomState;
  room: RoomStore | null;
} {
  const connect = useLiveConnect();
  const session = useSession();
  const token = useSyncExternalStore(
    session.subscribe,
    session.getAccessToken,
    session.getAccessToken,
  );
  const [room, setRoom] = useState<RoomStore | null>(null);

  useEffect(() => {
    if (!conferenceId) {
      setRoom(null);
      return undefined;
    }
    const store = new RoomStore(conferenceId);
    setRoom(store);
    return () => store.stop();
  }, [conferenceId]);

  // Each access token gets its own socket (the server ends a socket when its token expires).
  useEffect(() => {
    if (!room || !token) return;
    room.attach(connect(CONFERENCE_NAMESPACE, { auth: { token }, transports: ['websocket'] }));
  }, [room, token, connect]);

  const state = useSyncExternalStore(
    room?.subscribe ?? noop,
    room?.getState ?? (() => IDLE),
    room?.getState ?? (() => IDLE),
  );
  return { state, room };
}
