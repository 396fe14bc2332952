import type { ConversationSummary, Message } from '../lib/types';
import type { ChatStore, Thread } from './chat-store';

interface UpdatableState {
  conversations: ConversationSummary[];
  threads: Record<string, Thread>;
}

/**
 * The state with an edited or deleted `message` in place: in its thread (if loaded) and as the
 * conversation's preview (if it is the last message). Order and unread counts stay as they were.
 */
export function applyMessageUpdate<S extends UpdatableState>(state: S, message: Message): Partial<S> {
  const patch: Partial<UpdatableState> = {};
  const thread = state.threads[message.conversation_id];
  if (thread?.messages.some((m) => m.id === message.id)) {
    const messages = thread.messages.map((m) => (m.id === message.id ? message : m));
    patch.threads = { ...state.threads, [message.conversation_id]: { ...thread, messages } };
  }
  if (state.conversations.some((c) => c.last_message?.id === message.id)) {
    patch.conversations = state.conversations.map((c) =>
      c.last_message?.id === message.id ? { ...c, last_message: message } : c,
    );
  }
  return patch as Partial<S>;
}

/** An edit or a delete, from any device of any member (or this one's own answer), into the chat store. */
export function onMessageUpdated(chat: ChatStore, message: Message): void {
  chat.set((s) => applyMessageUpdate(s, message));
}
