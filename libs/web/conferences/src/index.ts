export * from './lib/conferences-api';
export * from './lib/conferences-routes';
export * from './lib/i18n';
export { useConferenceRoom, CONFERENCE_NAMESPACE } from './lib/use-conference-room';
export type { RoomState, RoomStatus } from './lib/room-store';
