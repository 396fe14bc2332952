/**
 * Id formats of the wire (docs/CONTRACT.md). Plain constants, no TypeBox: the web client and the desktop
 * shell import them at run time.
 */

/** Room ids: lowercase letters, digits and "-", 8 to 64 characters. */
export const ROOM_ID_PATTERN = /^[a-z0-9-]{8,64}$/;

/** Every other id (users, conversations, messages, calls): opaque, bounded in size and alphabet. */
export const ID_PATTERN_SOURCE = '^[A-Za-z0-9_-]+$';
export const ID_MAX_LENGTH = 64;
