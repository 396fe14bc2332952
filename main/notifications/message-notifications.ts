/**
 * Native notifications for chat messages: one per conversation, replaced by the next message rather
 * than piled up, none at all under do-not-disturb. A click brings the chat forward on that conversation.
 * The renderer decides whether a message deserves one (focus, open chat, mute); main only shows it.
 */
import { Notification } from 'electron';
import type { MessageNotice } from '../../contract/ipc.js';

export interface MessageNotificationsOptions {
  /** Whether do-not-disturb is on right now (the desktop setting, also in the tray). */
  doNotDisturb(): boolean;
  /** The user clicked the notification of `conversationId`. */
  open(conversationId: string): void;
}

export class MessageNotifications {
  readonly #options: MessageNotificationsOptions;
  /** The one shown notification of each conversation. */
  readonly #shown = new Map<string, Notification>();

  constructor(options: MessageNotificationsOptions) {
    this.#options = options;
  }

  /** Shows `notice`, replacing that conversation's earlier one; false when nothing was shown. */
  show(notice: MessageNotice): boolean {
    if (this.#options.doNotDisturb() || !Notification.isSupported()) return false;
    this.dismiss(notice.conversation_id);
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      silent: !notice.sound,
      // macOS and Windows group by it in their notification centres.
      groupId: `conversation-${notice.conversation_id}`,
    });
    notification.on('click', () => {
      this.dismiss(notice.conversation_id);
      this.#options.open(notice.conversation_id);
    });
    this.#shown.set(notice.conversation_id, notification);
    notification.show();
    return true;
  }

  /** Closes the notification of `conversationId` (it was read, here or on another device). */
  dismiss(conversationId: string): void {
    this.#shown.get(conversationId)?.close();
    this.#shown.delete(conversationId);
  }

  /** Do-not-disturb went on: nothing already shown keeps asking for attention. */
  dismissAll(): void {
    for (const id of [...this.#shown.keys()]) this.dismiss(id);
  }
}
