import { formatDuration, t } from '../lib/i18n';
import type { Conversation, Message, User } from '../lib/types';

/** The other person of a direct conversation (undefined for groups). */
export function otherMember(conversation: Conversation, meId: string): User | undefined {
  if (conversation.type !== 'direct') return undefined;
  return conversation.members.find((m) => m.id !== meId) ?? conversation.members[0];
}

/** What the UI calls a conversation: the other person's name, or the group's title. */
export function conversationTitle(conversation: Conversation, meId: string): string {
  if (conversation.type === 'direct') return otherMember(conversation, meId)?.display_name ?? '';
  return conversation.title ?? conversation.members.map((m) => m.display_name).join(', ');
}

/**
 * A call outcome in words, seen from `meId` (the caller is the message's sender). In a group one
 * member's "declined" is not everyone's, hence `direct`.
 */
export function callOutcomeText(message: Message, meId: string, direct = true): string {
  const call = message.call;
  if (!call) return message.body;
  const outgoing = message.sender_id === meId;
  switch (call.outcome) {
    case 'ended':
      return t('callOutcomeEnded', { duration: formatDuration(call.duration_seconds ?? 0) });
    case 'missed':
      return t(outgoing ? 'callOutcomeMissedOutgoing' : 'callOutcomeMissedIncoming');
    case 'declined':
      if (outgoing) return t('callOutcomeDeclinedOutgoing');
      return t(direct ? 'callOutcomeDeclinedIncoming' : 'callOutcomeDeclinedGroup');
    case 'cancelled':
      return t(outgoing ? 'callOutcomeCancelledOutgoing' : 'callOutcomeCancelledIncoming');
    case 'busy':
      return t('callOutcomeBusy');
  }
}

/**
 * How a call entry looks, by what it means to `meId`: `missed` (red) only for a call that rang for me
 * and that I never answered (missed, or cancelled while ringing); a call I declined myself, or that
 * others did not answer, is `neutral`; a call that took place is `ended`.
 */
export function callOutcomeTone(message: Message, meId: string): 'missed' | 'neutral' | 'ended' {
  const outcome = message.call?.outcome;
  if (outcome === 'ended') return 'ended';
  const incoming = message.sender_id !== meId;
  return incoming && (outcome === 'missed' || outcome === 'cancelled') ? 'missed' : 'neutral';
}

/** One line for the conversation list: the text, a call in words, prefixed "You:" for own messages. */
export function messagePreview(message: Message, meId: string, direct = true): string {
  if (message.kind === 'call') return callOutcomeText(message, meId, direct);
  if (message.deleted_at) return t('messageDeleted');
  const file = message.attachment;
  const body = file ? t(file.thumbnail ? 'previewImage' : 'previewFile', { name: file.name }) : message.body;
  return message.sender_id === meId ? `${t('you')}: ${body}` : body;
}

/** A display name for a sender in a conversation. */
export function senderName(conversation: Conversation, senderId: string): string {
  return conversation.members.find((m) => m.id === senderId)?.display_name ?? t('someone');
}

/** A group's header line: "You, Ann, Bob · 3 members" (the header cuts long lists with an ellipsis). */
export function memberLine(conversation: Conversation, meId: string): string {
  const names = conversation.members.map((m) => (m.id === meId ? t('you') : m.display_name));
  return `${names.join(t('listSeparator'))} · ${t('members', { count: conversation.members.length })}`;
}
