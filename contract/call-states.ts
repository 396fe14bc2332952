/** The names a call and its participants go through (docs/CONTRACT.md). Plain constants, no TypeBox. */

export const CALL_STATES = ['ringing', 'active', 'ended', 'missed', 'declined', 'cancelled', 'busy'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** The states in which a call still rings or runs: the ones a client shows and may join. */
export const LIVE_CALL_STATES = ['ringing', 'active'] as const satisfies readonly CallState[];

export const PARTICIPANT_STATUSES = ['ringing', 'accepted', 'declined', 'missed', 'busy', 'left'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** How a finished call is recorded in its conversation. */
export const CALL_OUTCOMES = ['missed', 'declined', 'cancelled', 'busy', 'ended'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
