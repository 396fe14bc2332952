/**
 * Id syntax every part checks. No TypeBox here, on purpose: the packaged main process (which ships
 * dist/contract but no node_modules) and the web bundles import this file at run time.
 */

/** A room id: lowercase letters, digits and "-", 8 to 64 characters (docs/CONTRACT.md). */
export const ROOM_ID_SOURCE = '[a-z0-9-]{8,64}';
export const ROOM_ID_PATTERN = new RegExp(`^${ROOM_ID_SOURCE}$`);

/** Every other id (users, conversations, messages, calls): opaque, bounded in size and alphabet. */
export const ID_PATTERN_SOURCE = '^[A-Za-z0-9_-]+$';
export const ID_MAX_LENGTH = 64;
