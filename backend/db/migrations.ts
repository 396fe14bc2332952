import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/**
 * Migrations in order. Column types are the ones SQLite and PostgreSQL share (text, integer),
 * so the same queries run on both.
 */
const migrations: Record<string, Migration> = {
  '0001_chat': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('direct_key', 'text', (c) => c.unique())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('members')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('last_read_message_id', 'text')
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('members_pk', ['conversation_id', 'user_id'])
        .execute();
      await db.schema.createIndex('members_by_user').on('members').columns(['user_id']).execute();
      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('sender_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('call_json', 'text')
        .addColumn('client_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('messages_client_id', ['conversation_id', 'sender_id', 'client_id'])
        .execute();
      await db.schema
        .createIndex('messages_by_conversation')
        .on('messages')
        .columns(['conversation_id', 'id'])
        .execute();
    },
  },
  '0002_calls': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rooms')
        .addColumn('room_id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.room_id'))
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('caller_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('participants_json', 'text', (c) => c.notNull())
        .addColumn('ringing_until', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('calls_by_state').on('calls').columns(['state', 'ringing_until']).execute();
    },
  },
  // Kept so that databases which ran an early draft of it stay consistent; superseded by 0004.
  '0003_call_deadlines': {
    async up() {},
  },
  '0004_call_ring_deadline': {
    async up(db: Kysely<unknown>) {
      // When the call service must next look at the call (its ring timeout); null once nobody rings.
      await db.schema.alterTable('calls').addColumn('ring_deadline', 'text').execute();
      await db.schema.createIndex('calls_by_ring_deadline').on('calls').columns(['ring_deadline']).execute();
      await db.schema.createIndex('calls_by_room_state').on('calls').columns(['room_id', 'state']).execute();
    },
  },
  '0005_sessions_and_blocks': {
    async up(db: Kysely<unknown>) {
      // One row per sign-in: an access token is valid only while its row exists (backend/auth/sessions.ts).
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_by_user').on('sessions').columns(['user_id']).execute();
      // `blocker_id` blocks `blocked_id`: no direct chat, messages, calls or presence between them.
      await db.schema
        .createTable('blocks')
        .addColumn('blocker_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('blocked_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('blocks_pk', ['blocker_id', 'blocked_id'])
        .execute();
      await db.schema.createIndex('blocks_by_blocked').on('blocks').columns(['blocked_id']).execute();
    },
  },
  '0007_calls_by_conversation': {
    async up(db: Kysely<unknown>) {
      // The live call of a conversation: the call button, the live-call bar, the connect-time snapshot.
      await db.schema
        .createIndex('calls_by_conversation_state')
        .on('calls')
        .columns(['conversation_id', 'state'])
        .execute();
    },
  },
  '0009_reserved_client_ids': {
    async up(db: Kysely<unknown>) {
      // Client ids with a ":" are the server's now (backend/lib/reserved-ids.ts). A text message that took one
      // earlier would keep hiding the record of a call still live during the upgrade: it loses its client_id
      // (only a retry's idempotency key, long used up), never its content.
      await sql`update messages set client_id = null where kind = 'text' and client_id like '%:%'`.execute(
        db,
      );
    },
  },
  '0010_conversation_mutes': {
    async up(db: Kysely<unknown>) {
      // A member silenced this conversation: no notifications, a grey badge. `muted_until` null means
      // "until turned off"; a time in the past means not muted any more (expiry is decided on read).
      await db.schema
        .createTable('conversation_mutes')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('muted_until', 'text')
        // 1: calls in this conversation still ring (the default); 0: they arrive silently.
        .addColumn('ring_calls', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_mutes_pk', ['conversation_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('conversation_mutes_by_user')
        .on('conversation_mutes')
        .columns(['user_id'])
        .execute();
    },
  },
  '0011_attachments': {
    async up(db: Kysely<unknown>) {
      // A file's metadata; its bytes live in the attachment storage (backend/attachments/storage.ts).
      // `pending` while it uploads: a row left pending past `expires_at` (a crash, a cut connection) is
      // swept with its stored bytes, so an unfinished upload never leaves a message or an orphan file.
      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('uploader_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('message_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('thumbnail_key', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('attachments_by_state')
        .on('attachments')
        .columns(['state', 'expires_at'])
        .execute();
      // The message's copy of the attachment's public fields (like call_json): history needs no join.
      await db.schema.alterTable('messages').addColumn('attachment_json', 'text').execute();
    },
  },
  '0012_message_edits': {
    async up(db: Kysely<unknown>) {
      // Edit and delete of one's own messages (backend/chat/message-edits.ts): a deleted message keeps its
      // row as a trace, with the text emptied.
      await db.schema.alterTable('messages').addColumn('edited_at', 'text').execute();
      await db.schema.alterTable('messages').addColumn('deleted_at', 'text').execute();
    },
  },
  '0013_refresh_tokens_and_contact_requests': {
    async up(db: Kysely<unknown>) {
      // Opaque refresh tokens, stored as their SHA-256 only. A rotated one stays (rotated_at set) so that
      // presenting it again is recognised as theft and ends the session (backend/auth/refresh-tokens.ts).
      await db.schema
        .createTable('refresh_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('rotated_at', 'text')
        .execute();
      await db.schema
        .createIndex('refresh_tokens_by_session')
        .on('refresh_tokens')
        .columns(['session_id'])
        .execute();
      // A first contact from a stranger: `to_id` accepts (the row goes) or declines (status `declined`).
      await db.schema
        .createTable('contact_requests')
        .addColumn('from_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('to_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_requests_pk', ['from_id', 'to_id'])
        .execute();
      await db.schema
        .createIndex('contact_requests_by_to')
        .on('contact_requests')
        .columns(['to_id'])
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
