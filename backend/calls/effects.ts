import type { CallStatePayload, CallSummary, IncomingCall } from '../../contract/calls.js';
import type { Message } from '../../contract/chat.js';
import { memberIdsOf } from '../chat/conversations.js';
import { announceMessage } from '../chat/post-message.js';
import { findUserById } from '../chat/users.js';
import type { Db } from '../db/index.js';
import type { Realtime } from '../plugins/realtime.js';
import { audienceOf, type Call, type Effect } from './machine.js';

/** The server → client `call_invitation` payload: the same shape the desktop app receives over IPC. */
export function invitationPayload(call: Call, callerName: string): IncomingCall {
  return {
    call_id: call.id,
    room_id: call.room_id,
    conversation_id: call.conversation_id,
    from: { id: call.caller_id, display_name: callerName },
    ringing_until: new Date(call.ringing_until).toISOString(),
  };
}

/** The `call_state` payload of docs/CONTRACT.md. */
export function statePayload(call: Call, reason?: string): CallStatePayload {
  const payload: CallStatePayload = {
    call_id: call.id,
    room_id: call.room_id,
    conversation_id: call.conversation_id,
    caller_id: call.caller_id,
    state: call.state,
    participants: call.participants.map((p) => ({ user_id: p.user_id, status: p.status })),
  };
  if (reason) payload.reason = reason;
  return payload;
}

/** The `call_updated` / `calls_snapshot` shape: the call as every member of its conversation sees it. */
export function summaryPayload(call: Call): CallSummary {
  return {
    ...statePayload(call),
    ringing_until: new Date(call.ringing_until).toISOString(),
    started_at: call.started_at === null ? null : new Date(call.started_at).toISOString(),
  };
}

/** Turns the machine's effects into Socket.IO events and `call` messages, in order. */
export function createEffectRunner(db: Db, realtime: Realtime) {
  return async function runEffects(
    call: Call,
    effects: readonly Effect[],
    recorded: Message | null = null,
  ): Promise<void> {
    const audience = audienceOf(call);
    for (const effect of effects) {
      switch (effect.type) {
        case 'invite': {
          const caller = await findUserById(db, call.caller_id);
          const invitation = invitationPayload(call, caller?.display_name ?? '');
          realtime.toUsers(effect.user_ids, 'call_invitation', invitation);
          realtime.toUsers([call.caller_id], 'call_invitation_sent', {
            call_id: call.id,
            room_id: call.room_id,
            invitees: effect.user_ids,
            ringing_until: invitation.ringing_until,
          });
          break;
        }
        case 'response':
          // The responder's own devices learn it from call_state.
          realtime.toUsers(
            audience.filter((id) => id !== effect.user_id),
            'call_invitation_response',
            { call_id: call.id, user_id: effect.user_id, accepted: effect.accepted },
          );
          break;
        case 'state':
          realtime.toUsers(audience, 'call_state', statePayload(call, effect.reason));
          // Every member, in the call or not, sees the conversation's live call (the live-call bar).
          realtime.toUsers(await memberIdsOf(db, call.conversation_id), 'call_updated', summaryPayload(call));
          break;
        case 'record':
          // Stored in the same transaction as the call's new state (commit.ts); only announced here.
          if (recorded) await announceMessage(db, realtime, recorded);
          break;
      }
    }
  };
}
