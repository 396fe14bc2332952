import { type Static, Type } from 'typebox';
import { UserSchema } from './users.js';

/** A stranger's first contact waiting for the recipient's answer (docs/API.md "Contact requests"). */
export const ContactRequestSchema = Type.Object({
  from: UserSchema,
  /** The direct chat or group where the first contact happened: its messages are the request's preview. */
  conversation_id: Type.String(),
  created_at: Type.String(),
});
export type ContactRequest = Static<typeof ContactRequestSchema>;
