/** The Socket.IO event names of docs/CONTRACT.md, by direction. Plain constants, no TypeBox. */

/** Server → client. */
export const SERVER_EVENTS = [
  'message_new',
  'message_updated',
  'typing',
  'conversation_mute',
  'contact_request',
  'conversation_new',
  'conversation_read',
  'presence',
  'presence_snapshot',
  'call_invitation',
  'call_invitation_sent',
  'call_invitation_response',
  'call_state',
  'call_updated',
  'calls_snapshot',
] as const;
export type ServerEventName = (typeof SERVER_EVENTS)[number];

/** Client → server; every one is acknowledged (contract/events.ts, `Ack`). */
export const CLIENT_EVENTS = [
  'call_invitation',
  'call_invitation_response',
  'call_cancel',
  'call_leave',
  'typing',
] as const;
export type ClientEventName = (typeof CLIENT_EVENTS)[number];
