import type { Api } from '../lib/api';
import { explainError } from '../lib/explain-error';
import { t } from '../lib/i18n';
import { Store } from '../lib/store';
import type { Message } from '../lib/types';
import type { ChatStore } from './chat-store';
import { onMessageUpdated } from './message-updates';

export interface MessageActionsState {
  /** The message being edited inline, if any. */
  editingId: string | null;
  /** The message whose deletion waits for a confirmation, if any. */
  confirmingDeleteId: string | null;
  busy: boolean;
  /** What went wrong with the last save or delete, in the user's language. */
  error: string | null;
}

const idle: MessageActionsState = { editingId: null, confirmingDeleteId: null, busy: false, error: null };

/** True for a message its sender may still edit or delete: their own text, not deleted yet. */
export function isChangeable(message: Message, meId: string): boolean {
  return message.kind === 'text' && message.sender_id === meId && !message.deleted_at;
}

/**
 * Edit and delete of the user's own messages. One action at a time; a failure keeps the editor open with
 * the typed text, so nothing is lost, and says why.
 */
export class MessageActions extends Store<MessageActionsState> {
  constructor(
    private readonly api: Api,
    private readonly chat: ChatStore,
  ) {
    super(idle);
  }

  startEdit(messageId: string): void {
    this.set({ ...idle, editingId: messageId });
  }

  askDelete(messageId: string): void {
    this.set({ ...idle, confirmingDeleteId: messageId });
  }

  cancel(): void {
    this.set(idle);
  }

  /** The user's newest message of the conversation that can still be edited (Up arrow in the composer). */
  lastChangeable(conversationId: string): Message | undefined {
    return [...this.chat.thread(conversationId).messages]
      .reverse()
      .find((m) => isChangeable(m, this.chat.me.id) && !m.attachment);
  }

  async saveEdit(message: Message, text: string): Promise<void> {
    const body = text.trim();
    if (body === '') return this.set({ error: t('errEmptyMessage') });
    if (body === message.body) return this.cancel();
    await this.#run(() =>
      this.api.request('PATCH /conversations/:id/messages/:messageId', {
        params: this.#params(message),
        body: { body },
      }),
    );
  }

  async confirmDelete(message: Message): Promise<void> {
    await this.#run(() =>
      this.api.request('DELETE /conversations/:id/messages/:messageId', { params: this.#params(message) }),
    );
  }

  #params(message: Message) {
    return { id: message.conversation_id, messageId: message.id };
  }

  async #run(request: () => Promise<Message>): Promise<void> {
    this.set({ busy: true, error: null });
    try {
      // Applied from the answer at once; the `message_updated` that follows changes nothing more.
      onMessageUpdated(this.chat, await request());
      this.cancel();
    } catch (err) {
      this.set({ busy: false, error: explainError(err) });
    }
  }
}
