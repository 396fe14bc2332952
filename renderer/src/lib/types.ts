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
  client_id?: string;
  created_at: string;
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
}

export interface AuthReply {
  access_token: string;
  refresh_token: string;
  expires_in: number;
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

// Socket event shapes defined once as TypeBox schemas in backend/schemas; only their types come over.
export type { CallSummary, CallsSnapshot } from '../../../contract/calls.js';
export type { UserSearchResult } from '../../../contract/chat.js';
