/**
 * Every `error.code` the server sends, in an HTTP error body or a socket ack (docs/CONTRACT.md), plus
 * `network`, which clients make up when no answer came. Plain constants, no TypeBox.
 */
export const ERROR_CODES = [
  // Any request
  'invalid_request',
  'invalid_json',
  'empty_body',
  'body_too_large',
  'unsupported_media_type',
  'invalid_content_length',
  'not_found',
  'rate_limited',
  'unauthorized',
  'token_expired',
  'refresh_token_invalid',
  'refresh_token_reused',
  'internal_error',
  'network',
  // Socket events
  'invalid_payload',
  'invalid_characters',
  // Accounts and users
  'username_taken',
  'wrong_password',
  'user_not_found',
  'self_block',
  'blocked',
  'contact_request_pending',
  'contact_request_not_found',
  // Conversations and messages
  'conversation_not_found',
  'message_not_found',
  'not_a_member',
  'self_conversation',
  'no_members',
  'empty_title',
  'empty_message',
  'reserved_client_id',
  'not_own_message',
  'call_record_immutable',
  'attachment_not_editable',
  'message_deleted',
  // Attachments
  'attachment_not_found',
  'thumbnail_not_found',
  'empty_attachment',
  'attachment_too_large',
  'attachment_type_not_allowed',
  'bad_file_name',
  'length_mismatch',
  'upload_incomplete',
  'upload_timeout',
  // Rooms
  'room_not_found',
  'room_taken',
  'invalid_room_id',
  'reserved_room_id',
  'jitsi_not_configured',
  // Calls
  'call_not_found',
  'call_busy',
  'call_in_progress',
  'everyone_busy',
  'invalid_target',
  'no_invitees',
  'not_a_participant',
  'forbidden',
  'call_not_ringing',
  'not_in_call',
  'call_ended',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
