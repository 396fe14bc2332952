/**
 * Muting a conversation: the server keeps it (so every device agrees) and tells the user's other devices
 * with `conversation_mute`; this device applies the answer the same way. A timed mute ends on its own:
 * whether one is still on is always decided against the clock, never stored as a flag.
 */
import type { Api } from '../lib/api';
import type { ConversationMute, ConversationSummary } from '../lib/types';
import type { ChatStore } from './chat-store';

/** The mute lengths the menu offers, in minutes; undefined = until turned off. */
export const MUTE_CHOICES = [
  { key: 'muteOneHour', minutes: 60 },
  { key: 'muteEightHours', minutes: 8 * 60 },
  { key: 'muteForever', minutes: undefined },
] as const;

/** Whether the conversation is muted at `now` (a mute whose time has passed is none). */
export function isMuted(conversation: ConversationSummary | undefined, now = Date.now()): boolean {
  const mute = conversation?.mute;
  if (!mute) return false;
  return mute.until === null || Date.parse(mute.until) > now;
}

/** Whether an incoming call in this conversation rings: yes unless muted with calls silenced too. */
export function callsRing(conversation: ConversationSummary | undefined, now = Date.now()): boolean {
  return !isMuted(conversation, now) || conversation?.mute?.ring_calls !== false;
}

/** A mute changed (here or on another device): the list shows it at once. */
export function applyMute(chat: ChatStore, event: ConversationMute): void {
  chat.set((s) => ({
    conversations: s.conversations.map((c) =>
      c.id === event.conversation_id ? { ...c, mute: event.mute } : c,
    ),
  }));
}

/** Mutes for `minutes` (undefined: until turned off); `ringCalls` false silences its calls too. */
export async function muteConversation(
  api: Api,
  chat: ChatStore,
  conversationId: string,
  minutes: number | undefined,
  ringCalls: boolean,
): Promise<void> {
  const body = minutes === undefined ? { ring_calls: ringCalls } : { minutes, ring_calls: ringCalls };
  applyMute(chat, await api.request<ConversationMute>('PUT', `/conversations/${conversationId}/mute`, body));
}

export async function unmuteConversation(api: Api, chat: ChatStore, conversationId: string): Promise<void> {
  applyMute(chat, await api.request<ConversationMute>('DELETE', `/conversations/${conversationId}/mute`));
}
