/** The backend's JSON shapes (docs/CONTRACT.md), as the chat UI uses them. */

export interface User {
  id: string;
  username: string;
  display_name: string;
}

export type CallOutcome = 'missed' | 'declined' | 'cancelled' | 'busy' | 'ended';

export interface CallRecord {
  call_id: string;
  outcome: CallOutcome;
  duration_seconds?: number;
}

export interface Message {
  id: string;
  conversation_id: string;
  sender_id: string;
  kind: 'text' | 'call';
  body: string;
  call?: CallRecord;
  /** A file or image; `body` is then its name. */
  attachment?: Attachment;
  client_id?: string;
  created_at: string;
  /** Set once the sender changed the text. */
  edited_at?: string;
  /** Set once the sender deleted it: `body` is then empty. */
  deleted_at?: string;
}

export interface Conversation {
  id: string;
  type: 'direct' | 'group';
  title: string | null;
  members: User[];
}

export interface ConversationSummary extends Conversation {
  last_message: Message | null;
  unread_count: number;
  /** This user's mute of the conversation; null when not muted. */
  mute: Mute | null;
}

export interface AuthReply {
  access_token: string;
  user: User;
}

export interface JoinReply {
  room_id: string;
  jitsi_token: string;
  jitsi_server_url: string;
  room_url: string;
}

export type CallStateName = 'ringing' | 'active' | 'ended' | 'missed' | 'declined' | 'cancelled' | 'busy';
export type ParticipantStatus = 'ringing' | 'accepted' | 'declined' | 'missed' | 'busy' | 'left';

/** Server → client `call_state`. */
export interface CallStateEvent {
  call_id: string;
  room_id: string;
  conversation_id: string;
  caller_id: string;
  state: CallStateName;
  participants: { user_id: string; status: ParticipantStatus }[];
  reason?: string;
}

/** The read marker moved on one of this user's devices. */
export interface ConversationReadEvent {
  conversation_id: string;
  last_read_message_id: string | null;
  unread_count: number;
}

/** The acknowledgement of every client → server socket event. */
export type Ack<T = Record<string, unknown>> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: string; message: string } };

export type { Attachment, AttachmentLimits } from '../../../contract/attachments.js';
// Socket event shapes defined once as TypeBox schemas in backend/schemas; only their types come over.
export type { CallSummary, CallsSnapshot } from '../../../contract/calls.js';
export type { UserSearchResult } from '../../../contract/chat.js';
export type { ConversationMute, Mute } from '../../../contract/mute.js';

import type { Mute } from '../../../contract/mute.js';

/** Server → client `typing`: `user_id` is typing in `conversation_id` (contract/message-edits.ts). */
export interface TypingEvent {
  conversation_id: string;
  user_id: string;
}

import type { Attachment } from '../../../contract/attachments.js';
