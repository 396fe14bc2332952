/**
 * Notifications for new chat messages: a native one through the desktop app, a Web Notification in a
 * browser. Only for others' messages (never our own, sent from another device), only when this window is
 * not focused or another chat is open, never for a muted conversation or under do-not-disturb. One per
 * conversation: the next message replaces it (the same `tag`); opening the conversation closes it.
 */
import type { MessageNotice } from '../../../contract/ipc';
import { chime } from '../calls/ringer';
import { desktop } from '../lib/desktop';
import { t } from '../lib/i18n';
import type { ConversationSummary, Message } from '../lib/types';
import type { ChatStore } from './chat-store';
import { conversationTitle, senderName } from './describe';
import { isMuted } from './mute';
import type { NotifyPrefs, NotifyPrefsStore } from './notify-prefs';

/** Longest preview shown; a notification is a glance, not the message. */
const PREVIEW_LENGTH = 120;

/** Whether the user is looking at this window now. */
function windowFocused(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Whether `message` deserves a notification on this device, given what the user is looking at. */
export function shouldNotify(
  message: Message,
  chat: ChatStore,
  prefs: NotifyPrefs,
  focused: boolean,
): boolean {
  if (message.sender_id === chat.me.id || message.kind === 'call' || prefs.doNotDisturb) return false;
  const conversation = chat.conversation(message.conversation_id);
  if (!conversation || isMuted(conversation)) return false;
  return !focused || chat.state.selectedId !== message.conversation_id;
}

/** The notification's words: who, where (for a group), and a short preview unless previews are off. */
export function noticeFor(
  message: Message,
  conversation: ConversationSummary,
  meId: string,
  prefs: NotifyPrefs,
): MessageNotice {
  const name = senderName(conversation, message.sender_id);
  const title =
    conversation.type === 'group'
      ? t('notifyMessageGroupTitle', { name, group: conversationTitle(conversation, meId) })
      : name;
  const text = message.body.replace(/\s+/g, ' ').trim();
  const preview = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  const body = prefs.showPreviews && preview ? preview : t('notifyPreviewHidden');
  return { conversation_id: conversation.id, title, body, sound: prefs.sound };
}

/** Shows and replaces message notifications for one signed-in session. */
export class MessageNotifier {
  readonly #web = new Map<string, Notification>();
  /** Conversations with a notification showing (native or web). */
  readonly #shown = new Set<string>();
  readonly #unsubscribe: () => void;
  readonly #onFocus = () => this.#closeOpened();

  constructor(
    private readonly chat: ChatStore,
    private readonly prefs: NotifyPrefsStore,
  ) {
    this.#unsubscribe = chat.subscribe(() => this.#closeOpened());
    window.addEventListener('focus', this.#onFocus);
  }

  /** A new message arrived over the socket. */
  onMessage(message: Message): void {
    const prefs = this.prefs.state;
    if (!shouldNotify(message, this.chat, prefs, windowFocused())) return;
    const conversation = this.chat.conversation(message.conversation_id) as ConversationSummary;
    const notice = noticeFor(message, conversation, this.chat.me.id, prefs);
    const bridge = desktop();
    if (bridge?.showMessageNotification) {
      this.#shown.add(notice.conversation_id);
      void bridge.showMessageNotification(notice).catch(() => {});
    } else if (!bridge) this.#showWeb(notice);
  }

  dispose(): void {
    this.#unsubscribe();
    window.removeEventListener('focus', this.#onFocus);
    for (const id of [...this.#shown]) this.#close(id);
  }

  #showWeb(notice: MessageNotice): void {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    this.#web.get(notice.conversation_id)?.close();
    // The same tag replaces the conversation's earlier notification instead of adding one; the chime is
    // ours (soft, and only when asked for), so the system's sound stays off.
    const notification = new Notification(notice.title, {
      body: notice.body,
      tag: `conversation-${notice.conversation_id}`,
      silent: true,
    });
    notification.onclick = () => {
      window.focus();
      this.chat.select(notice.conversation_id);
      this.#close(notice.conversation_id);
    };
    this.#web.set(notice.conversation_id, notification);
    this.#shown.add(notice.conversation_id);
    if (notice.sound) chime();
  }

  /** The user is looking at the open conversation: its notification has done its job. */
  #closeOpened(): void {
    const open = this.chat.state.selectedId;
    if (open && windowFocused()) this.#close(open);
  }

  #close(conversationId: string): void {
    if (!this.#shown.delete(conversationId)) return;
    this.#web.get(conversationId)?.close();
    this.#web.delete(conversationId);
    void desktop()
      ?.dismissMessageNotification?.(conversationId)
      .catch(() => {});
  }
}
