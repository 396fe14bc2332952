/**
 * Identifiers the server mints for itself, which no client may take first.
 *
 * A client-chosen id in the server's namespace is an attack, not a coincidence: a text message sent with
 * `client_id: "call:<call_id>"` would win the idempotency key of that call's record, and the record would
 * be silently dropped as a "retry". Rejecting such ids at the edge keeps every server-made id unclaimed.
 */

/** Server-made client_ids are `<namespace>:<id>` (e.g. `call:<call_id>`); client ids never hold a colon. */
export function isReservedClientId(clientId: string): boolean {
  return clientId.includes(':');
}

/** The shape of a room id the server makes (`newRoomId`: 128 random bits as 32 hex digits). */
const SERVER_ROOM_ID = /^[0-9a-f]{32}$/;

/**
 * Room ids shaped like the server's own. A proposed id of that shape could be mistaken for an unguessable
 * one (it is only as secret as the client made it), or squat an id the server is about to hand out.
 */
export function isReservedRoomId(roomId: string): boolean {
  return SERVER_ROOM_ID.test(roomId);
}
