/**
 * Muting a conversation: the server keeps it (so every device agrees) and tells the user's other devices
 * with `conversation_mute`; this device applies the answer the same way.
 */
import type { Api } from '../lib/api';
import type { ConversationMute } from '../lib/types';
import type { ChatStore } from './chat-store';

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
  applyMute(chat, await api.request('PUT /conversations/:id/mute', { params: { id: conversationId }, body }));
}

export async function unmuteConversation(api: Api, chat: ChatStore, conversationId: string): Promise<void> {
  applyMute(chat, await api.request('DELETE /conversations/:id/mute', { params: { id: conversationId } }));
}

/** Longest delay setTimeout keeps (about 24.8 days); a later end is planned again when it fires. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Re-renders when the next timed mute ends, so its badge turns blue again on time (nothing else changes
 * then). Returns the function that stops it.
 */
export function refreshWhenMutesEnd(chat: ChatStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let planned = Number.POSITIVE_INFINITY;
  const plan = () => {
    const now = Date.now();
    const ends = chat.state.conversations.map((c) => (c.mute?.until ? Date.parse(c.mute.until) : Infinity));
    const next = Math.min(...ends.filter((end) => end > now));
    if (next === planned) return;
    clearTimeout(timer);
    planned = next;
    if (!Number.isFinite(next)) return;
    timer = setTimeout(
      () => {
        planned = Number.POSITIVE_INFINITY;
        chat.set({});
      },
      Math.min(next - now + 1, MAX_DELAY),
    );
  };
  const unsubscribe = chat.subscribe(plan);
  plan();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
