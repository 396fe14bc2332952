import type { BodyOf } from '../../../contract/routes';
import { type Api, ApiError } from '../lib/api';
import { randomId } from '../lib/ids';
import { Store } from '../lib/store';
import type { Conversation, ConversationReadEvent, ConversationSummary, Message, User } from '../lib/types';
import { isMuted } from './mute';

/** Messages fetched per page of history. */
const PAGE_SIZE = 30;

export interface Thread {
  messages: Message[];
  /** Older messages exist on the server. */
  hasMore: boolean;
  loadingOlder: boolean;
  loaded: boolean;
}

/** A message typed by this user that the server has not confirmed yet. */
export interface PendingMessage {
  client_id: string;
  conversation_id: string;
  body: string;
  created_at: string;
  status: 'sending' | 'failed';
}

export interface ChatState {
  conversations: ConversationSummary[];
  loaded: boolean;
  /** Contacts with at least one connected device. */
  online: Record<string, true>;
  selectedId: string | null;
  threads: Record<string, Thread>;
  pending: PendingMessage[];
}

const emptyThread: Thread = { messages: [], hasMore: false, loadingOlder: false, loaded: false };

/** Newest activity first; a conversation just made here counts as active now. */
function sortConversations(list: ConversationSummary[], touched: Map<string, string>): ConversationSummary[] {
  const key = (c: ConversationSummary) => {
    const times = [c.last_message?.created_at ?? '', touched.get(c.id) ?? ''].sort();
    return times[1] ?? '';
  };
  return [...list].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/** Merges two runs of messages, oldest first, without duplicates. */
function mergeMessages(a: Message[], b: Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const m of [...a, ...b]) byId.set(m.id, m);
  return [...byId.values()].sort((x, y) =>
    x.created_at < y.created_at ? -1 : x.created_at > y.created_at ? 1 : 0,
  );
}

/**
 * Conversations, message threads, presence and unsent messages of the signed-in user. Unsent messages are
 * kept in localStorage so a reload or a dropped connection loses nothing; each carries a client_id, so a
 * retry never stores a message twice.
 */
export class ChatStore extends Store<ChatState> {
  readonly #touched = new Map<string, string>();
  readonly #pendingKey: string;

  constructor(
    private readonly api: Api,
    readonly me: User,
  ) {
    super({ conversations: [], loaded: false, online: {}, selectedId: null, threads: {}, pending: [] });
    this.#pendingKey = `peace.pending.${me.id}`;
    this.set({ pending: this.#loadPending() });
  }

  conversation(id: string | null): ConversationSummary | undefined {
    return this.state.conversations.find((c) => c.id === id);
  }

  thread(id: string): Thread {
    return this.state.threads[id] ?? emptyThread;
  }

  /** Unread messages outside muted conversations (the tab title and the tray badge). */
  totalUnread(): number {
    return this.state.conversations.reduce((sum, c) => sum + (isMuted(c) ? 0 : c.unread_count), 0);
  }

  async loadConversations(): Promise<void> {
    const list = await this.api.request('GET /conversations');
    this.set({ conversations: sortConversations(list, this.#touched), loaded: true });
    const selected = this.conversation(this.state.selectedId);
    if (selected && selected.unread_count > 0 && this.#visible())
      void this.markRead(selected.id).catch(() => {});
  }

  /** Opens a conversation: loads its newest messages once and marks it read. */
  select(id: string | null): void {
    this.set({ selectedId: id });
    if (!id) return;
    // On failure the thread stays unloaded; the next reconnect fetches it again.
    if (!this.thread(id).loaded) void this.loadLatest(id).catch(() => {});
    if ((this.conversation(id)?.unread_count ?? 0) > 0) void this.markRead(id).catch(() => {});
  }

  /** The newest page; merged into what is already shown (after a reconnect nothing jumps). */
  async loadLatest(id: string): Promise<void> {
    const page = await this.#page(id);
    const known = this.thread(id);
    const overlaps = known.loaded && page.some((m) => known.messages.some((k) => k.id === m.id));
    const messages = overlaps ? mergeMessages(known.messages, page) : page;
    const hasMore = overlaps ? known.hasMore : page.length === PAGE_SIZE;
    this.#setThread(id, { messages, hasMore, loaded: true });
  }

  /** One more page of history before the oldest message shown. */
  async loadOlder(id: string): Promise<void> {
    const thread = this.thread(id);
    const oldest = thread.messages[0];
    if (!thread.hasMore || thread.loadingOlder || !oldest) return;
    this.#setThread(id, { loadingOlder: true });
    try {
      const page = await this.#page(id, oldest.id);
      this.#setThread(id, {
        messages: mergeMessages(page, this.thread(id).messages),
        hasMore: page.length === PAGE_SIZE,
        loadingOlder: false,
      });
    } catch (err) {
      this.#setThread(id, { loadingOlder: false });
      throw err;
    }
  }

  async markRead(id: string, messageId?: string): Promise<void> {
    this.#patchConversation(id, { unread_count: 0 });
    const body = messageId ? { message_id: messageId } : {};
    this.onConversationRead(await this.api.request('POST /conversations/:id/read', { params: { id }, body }));
  }

  /** Sends `body`; it shows at once as pending and stays, marked failed, if the server cannot be reached. */
  send(conversationId: string, body: string): void {
    const pending: PendingMessage = {
      client_id: randomId(),
      conversation_id: conversationId,
      body,
      created_at: new Date().toISOString(),
      status: 'sending',
    };
    this.#setPending([...this.state.pending, pending]);
    void this.#deliver(pending);
  }

  retry(clientId: string): void {
    const pending = this.state.pending.find((p) => p.client_id === clientId);
    if (!pending || pending.status === 'sending') return;
    void this.#deliver(pending);
  }

  /** Tries every failed message again (after a reconnect). */
  retryFailed(): void {
    for (const p of this.state.pending) if (p.status === 'failed') this.retry(p.client_id);
  }

  discard(clientId: string): void {
    this.#setPending(this.state.pending.filter((p) => p.client_id !== clientId));
  }

  createDirect(userId: string): Promise<Conversation> {
    return this.#create({ type: 'direct', user_id: userId });
  }

  createGroup(title: string, memberIds: string[]): Promise<Conversation> {
    return this.#create({ type: 'group', title, member_ids: memberIds });
  }

  // ---- server events ----

  onMessageNew(message: Message): void {
    if (message.client_id) {
      const mine = this.state.pending.some((p) => p.client_id === message.client_id);
      if (mine) this.#setPending(this.state.pending.filter((p) => p.client_id !== message.client_id));
    }
    const conversation = this.conversation(message.conversation_id);
    if (!conversation) {
      // A conversation someone else just started with us.
      void this.loadConversations().catch(() => {});
      return;
    }
    const open = this.state.selectedId === message.conversation_id && this.#visible();
    const fromOther = message.sender_id !== this.me.id;
    this.#patchConversation(message.conversation_id, {
      last_message: message,
      unread_count: fromOther && !open ? conversation.unread_count + 1 : conversation.unread_count,
    });
    this.set({ conversations: sortConversations(this.state.conversations, this.#touched) });
    const thread = this.state.threads[message.conversation_id];
    if (thread?.loaded)
      this.#setThread(message.conversation_id, { messages: mergeMessages(thread.messages, [message]) });
    if (open && fromOther) void this.markRead(message.conversation_id, message.id).catch(() => {});
  }

  /** A conversation this user was just made a member of (by anyone, on any device): listed at once. */
  onConversationNew(conversation: Conversation): void {
    if (this.conversation(conversation.id)) return;
    this.#touched.set(conversation.id, new Date().toISOString());
    const summary: ConversationSummary = { ...conversation, last_message: null, unread_count: 0, mute: null };
    this.set({ conversations: sortConversations([summary, ...this.state.conversations], this.#touched) });
  }

  onConversationRead(event: ConversationReadEvent): void {
    this.#patchConversation(event.conversation_id, { unread_count: event.unread_count });
  }

  onPresenceSnapshot(online: string[]): void {
    this.set({ online: Object.fromEntries(online.map((id) => [id, true as const])) });
  }

  onPresence(userId: string, isOnline: boolean): void {
    const online = { ...this.state.online };
    if (isOnline) online[userId] = true;
    else delete online[userId];
    this.set({ online });
  }

  /** The tab came back into view: the open conversation counts as read. */
  onVisible(): void {
    const selected = this.conversation(this.state.selectedId);
    if (selected && selected.unread_count > 0) void this.markRead(selected.id).catch(() => {});
  }

  // ---- internals ----
  async #deliver(pending: PendingMessage): Promise<void> {
    this.#updatePending(pending.client_id, { status: 'sending' });
    try {
      const message = await this.api.request('POST /conversations/:id/messages', {
        params: { id: pending.conversation_id },
        body: { body: pending.body, client_id: pending.client_id },
      });
      this.onMessageNew({ ...message, client_id: pending.client_id });
    } catch (err) {
      // A message the server refuses for good (not a member any more, deleted chat) is not retried forever.
      if (err instanceof ApiError && (err.status === 403 || err.status === 404))
        this.discard(pending.client_id);
      else this.#updatePending(pending.client_id, { status: 'failed' });
    }
  }

  /** One page of history, oldest first: the newest messages, or those before message `before`. */
  #page(id: string, before?: string): Promise<Message[]> {
    const query = { limit: PAGE_SIZE, before };
    return this.api.request('GET /conversations/:id/messages', { params: { id }, query });
  }

  async #create(body: BodyOf<'POST /conversations'>): Promise<Conversation> {
    const conversation = await this.api.request('POST /conversations', { body });
    // Its `conversation_new` may arrive before or after this answer; listed once either way.
    this.onConversationNew(conversation);
    this.#touched.set(conversation.id, new Date().toISOString());
    this.set({ conversations: sortConversations(this.state.conversations, this.#touched) });
    this.select(conversation.id);
    return conversation;
  }

  #visible(): boolean {
    return document.visibilityState === 'visible';
  }

  #patchConversation(id: string, patch: Partial<ConversationSummary>): void {
    this.set((s) => ({ conversations: s.conversations.map((c) => (c.id === id ? { ...c, ...patch } : c)) }));
  }

  #setThread(id: string, patch: Partial<Thread>): void {
    this.set((s) => ({ threads: { ...s.threads, [id]: { ...(s.threads[id] ?? emptyThread), ...patch } } }));
  }

  #updatePending(clientId: string, patch: Partial<PendingMessage>): void {
    this.#setPending(this.state.pending.map((p) => (p.client_id === clientId ? { ...p, ...patch } : p)));
  }

  #setPending(pending: PendingMessage[]): void {
    this.set({ pending });
    try {
      localStorage.setItem(this.#pendingKey, JSON.stringify(pending));
    } catch {
      // Storage full or disabled: the messages still live in memory.
    }
  }

  #loadPending(): PendingMessage[] {
    try {
      const saved = JSON.parse(localStorage.getItem(this.#pendingKey) ?? '[]') as PendingMessage[];
      // Whatever was in flight when the page went away is retried, never assumed sent.
      return saved.map((p) => ({ ...p, status: 'failed' as const }));
    } catch {
      return [];
    }
  }
}
