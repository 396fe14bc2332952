/** Muting a conversation for one user (all of that user's devices): the wire shapes. */
import { type Static, Type } from 'typebox';

/** Longest timed mute: a week. Longer than that is "until turned off". */
export const MAX_MUTE_MINUTES = 7 * 24 * 60;

/** A conversation's mute as its member sees it; `until` null means until turned off. */
export const MuteSchema = Type.Object({
  until: Type.Union([Type.String({ description: 'ISO-8601; the mute ends then' }), Type.Null()]),
  ring_calls: Type.Boolean({ description: 'calls in the conversation still ring' }),
});
export type Mute = Static<typeof MuteSchema>;

/** `PUT /conversations/:id/mute`: for `minutes`, or without it until turned off. */
export const MuteBody = Type.Object(
  {
    minutes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_MUTE_MINUTES, description: 'omitted: until turned off' }),
    ),
    ring_calls: Type.Boolean({ default: true, description: 'false: calls arrive without ringing' }),
  },
  { additionalProperties: false },
);
export type MuteBody = Static<typeof MuteBody>;

/**
 * Server → every device of the user who muted or unmuted (`conversation_mute`), and the answer of
 * both routes: `mute` null means not muted.
 */
export const ConversationMuteSchema = Type.Object({
  conversation_id: Type.String(),
  mute: Type.Union([MuteSchema, Type.Null()]),
});
export type ConversationMute = Static<typeof ConversationMuteSchema>;
