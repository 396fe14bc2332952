import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them. Timestamps are ISO-8601 strings, so both engines sort them alike. */
export interface Database {
  settings: { key: string; value: string };
  users: {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    created_at: string;
  };
  conversations: {
    id: string;
    type: 'direct' | 'group';
    title: string | null;
    /** "<lower id>:<higher id>" for a direct conversation, so each pair has exactly one. */
    direct_key: string | null;
    created_by: string;
    created_at: string;
  };
  members: {
    conversation_id: string;
    user_id: string;
    /** Id of the newest message this member has read; messages after it are unread. */
    last_read_message_id: string | null;
    joined_at: string;
  };
  messages: {
    id: string;
    conversation_id: string;
    sender_id: string;
    kind: 'text' | 'call';
    body: string;
    /** JSON of the call outcome for kind = call. */
    call_json: string | null;
    /** JSON of the attachment (contract/attachments.ts) of a file message; absent on older rows. */
    attachment_json: string | null;
    client_id: string | null;
    created_at: string;
    /** When the sender last changed the text; null if never. */
    edited_at: string | null;
    /** When the sender deleted it (body is then ''); null while it stands. */
    deleted_at: string | null;
  };
  rooms: {
    room_id: string;
    conversation_id: string;
    created_by: string;
    created_at: string;
  };
  /** A signed-in device or tab; deleting the row revokes its access token. */
  sessions: {
    id: string;
    user_id: string;
    created_at: string;
    expires_at: string;
  };
  /** An uploaded file (backend/attachments/records.ts); `pending` until its message exists. */
  attachments: {
    id: string;
    conversation_id: string;
    uploader_id: string;
    message_id: string | null;
    name: string;
    content_type: string;
    size: number;
    storage_key: string;
    thumbnail_key: string | null;
    /** `pending` while uploading, `stored` once its message exists, `doomed` while being swept. */
    state: 'pending' | 'stored' | 'doomed';
    /** A pending upload not stored by then is abandoned. */
    expires_at: string;
    created_at: string;
  };
  /** A refresh token of a session, by its SHA-256; `rotated_at` once it was exchanged (reuse = theft). */
  refresh_tokens: { token_hash: string; session_id: string; created_at: string; rotated_at: string | null };
  /** A stranger's first contact, pending until `to_id` accepts (row deleted) or declines (`declined`). */
  contact_requests: {
    from_id: string;
    to_id: string;
    status: 'pending' | 'declined';
    /** Where the first contact happened: the direct chat or group the request shows as. */
    conversation_id: string;
    created_at: string;
  };
  /** `blocker_id` blocked `blocked_id` (backend/chat/blocks.ts). */
  blocks: { blocker_id: string; blocked_id: string; created_at: string };
  /** A member muted a conversation (backend/chat/mutes.ts); muted_until null = until turned off. */
  conversation_mutes: {
    conversation_id: string;
    user_id: string;
    muted_until: string | null;
    /** 1 when calls in the muted conversation still ring, 0 when they arrive silently. */
    ring_calls: number;
    created_at: string;
  };
  calls: {
    id: string;
    room_id: string;
    conversation_id: string;
    caller_id: string;
    state: string;
    /** JSON array of {user_id, status}. */
    participants_json: string;
    ringing_until: string;
    /** When the service must next look at the call (its ring timeout); null once nobody rings. */
    ring_deadline: string | null;
    started_at: string | null;
    ended_at: string | null;
    created_at: string;
    /** Optimistic-concurrency counter: an update applies only on the version it read. */
    version: Generated<number>;
  };
}
