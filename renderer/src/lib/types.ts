/**
 * The backend's wire shapes as the web client uses them: types only, derived from the TypeBox schemas in
 * contract/ (docs/CONTRACT.md). `import type` keeps TypeBox out of the web bundle.
 */

export type { Attachment, AttachmentLimits } from '../../../contract/attachments';
export type {
  CallStateName,
  CallStatePayload as CallStateEvent,
  CallSummary,
  CallsSnapshot,
  IncomingCall,
  ParticipantStatus,
} from '../../../contract/calls';
export type {
  CallOutcome,
  CallRecord,
  Conversation,
  ConversationRead as ConversationReadEvent,
  ConversationSummary,
  Message,
} from '../../../contract/chat';
export type { Ack } from '../../../contract/events';
export type { TypingEvent } from '../../../contract/message-edits';
export type { ConversationMute, Mute } from '../../../contract/mute';
/** Sign-up and sign-in answer with the session's tokens (contract/refresh.ts). */
export type { SignedInReply as AuthReply } from '../../../contract/refresh';
export type { JoinReply } from '../../../contract/rooms';
export type { User, UserSearchResult } from '../../../contract/users';
