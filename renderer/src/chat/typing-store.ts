import type { Socket } from 'socket.io-client';
import { Store } from '../lib/store';
import type { Message } from '../lib/types';
import { TYPING_VISIBLE_MS, TypingThrottle } from './typing-text';

/** Who is typing where: conversation id → user id → when their indicator fades (ms since epoch). */
export type TypingState = Record<string, Record<string, number>>;

/**
 * The typing indicator, both ways: keystrokes here become throttled `typing` events; `typing` events
 * from others show until a few seconds of silence or until their message arrives.
 */
export class TypingStore extends Store<{ typing: TypingState }> {
  readonly #throttle = new TypingThrottle();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly socket: Socket) {
    super({ typing: {} });
  }

  /** The user typed in the composer of `conversationId`. Best effort: a lost event only hides a hint. */
  typed(conversationId: string): void {
    if (this.#throttle.take(conversationId)) this.socket.emit('typing', { conversation_id: conversationId });
  }

  /** The user sent a message in `conversationId`. */
  sent(conversationId: string): void {
    this.#throttle.reset(conversationId);
  }

  /** Ids of the users typing in `conversationId` right now, in the order they started. */
  typists(conversationId: string, now = Date.now()): string[] {
    const here = this.state.typing[conversationId] ?? {};
    return Object.keys(here).filter((id) => (here[id] ?? 0) > now);
  }

  onTyping(event: { conversation_id: string; user_id: string }): void {
    const until = Date.now() + TYPING_VISIBLE_MS;
    this.#patch(event.conversation_id, event.user_id, until);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      // Still the same announcement: nobody typed again meanwhile.
      if (this.state.typing[event.conversation_id]?.[event.user_id] === until)
        this.#patch(event.conversation_id, event.user_id, null);
    }, TYPING_VISIBLE_MS);
    this.#timers.add(timer);
  }

  /** Their message arrived: they are done typing it. */
  onMessage(message: Message): void {
    if (this.state.typing[message.conversation_id]?.[message.sender_id] !== undefined)
      this.#patch(message.conversation_id, message.sender_id, null);
  }

  dispose(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #patch(conversationId: string, userId: string, until: number | null): void {
    this.set((s) => {
      const here = { ...(s.typing[conversationId] ?? {}) };
      if (until === null) delete here[userId];
      else here[userId] = until;
      return { typing: { ...s.typing, [conversationId]: here } };
    });
  }
}
