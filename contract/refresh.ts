import { type Static, Type } from 'typebox';
import { AuthReply } from './auth.js';

/**
 * Short-lived access tokens and the refresh tokens that renew them (docs/API.md "Refresh"). Kept apart
 * from chat.ts so the auth wire shapes can change without touching the chat ones.
 */
const SessionTokenFields = {
  access_token: Type.String(),
  /** Opaque; good for one exchange at POST /auth/refresh. Keep it as secret as a password. */
  refresh_token: Type.String(),
  /** Seconds until the access token expires. */
  expires_in: Type.Integer({ minimum: 1 }),
};

/** The answer to sign-up and sign-in: the tokens of the new session and the user. */
export const SignedInReply = Type.Object({ ...AuthReply.properties, ...SessionTokenFields });
export type SignedInReply = Static<typeof SignedInReply>;

export const RefreshBody = Type.Object(
  { refresh_token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

export const RefreshReply = Type.Object(SessionTokenFields);
export type RefreshReply = Static<typeof RefreshReply>;
