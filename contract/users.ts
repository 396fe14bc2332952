import { type Static, Type } from 'typebox';
import { Id } from './common.js';

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  display_name: Type.String(),
});
export type User = Static<typeof UserSchema>;

/**
 * Invisible format characters that reorder or hide text: bidi embeddings, overrides and isolates
 * (U+202E turns "Alice\u202Eecila" around), marks, zero-width space and word joiners, the BOM. A name
 * holding one could pass for another person's, so names refuse them. ZWJ and ZWNJ stay allowed: emoji
 * sequences and Persian or Indic spelling need them.
 */
const NO_INVISIBLE_CONTROLS =
  '^[^\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]*$';

/** Text people see as a name: a display name or a group title. */
export const VisibleName = (maxLength: number) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: NO_INVISIBLE_CONTROLS,
    description: 'no bidirectional controls or other invisible format characters',
  });

export const DisplayName = VisibleName(64);

export const UserParams = Type.Object({ id: Id });
export const UserSearchQuery = Type.Object({ q: Type.String({ maxLength: 64, default: '' }) });

/** `GET /users`: a search result, with whether that user has a connected device right now. */
export const UserSearchResultSchema = Type.Object({ ...UserSchema.properties, online: Type.Boolean() });
export type UserSearchResult = Static<typeof UserSearchResultSchema>;

/** Server → client presence event for contacts. */
export const PresenceSchema = Type.Object({ user_id: Type.String(), online: Type.Boolean() });
export type Presence = Static<typeof PresenceSchema>;

/** Server → client, once per connection: which of the user's contacts are online right now. */
export const PresenceSnapshotSchema = Type.Object({ online: Type.Array(Type.String()) });
export type PresenceSnapshot = Static<typeof PresenceSnapshotSchema>;
