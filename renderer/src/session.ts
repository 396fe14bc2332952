import { io } from 'socket.io-client';
import { UploadStore } from './attachments/upload-store';
import { CallStore } from './calls/call-store';
import { ChatStore } from './chat/chat-store';
import { ContactRequestStore } from './chat/contact-requests';
import { MessageActions } from './chat/message-actions';
import { MessageNotifier } from './chat/message-notifications';
import { onMessageUpdated } from './chat/message-updates';
import { applyMute, refreshWhenMutesEnd } from './chat/mute-actions';
import { NotifyPrefsStore } from './chat/notify-prefs';
import { TypingStore } from './chat/typing-store';
import type { Api } from './lib/api';
import { desktop } from './lib/desktop';
import { t } from './lib/i18n';
import type { ClientSocket } from './lib/socket-ack';
import { Store } from './lib/store';
import type { TokenKeeper } from './lib/token-refresh';
import type { User } from './lib/types';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/** Everything of one signed-in user: API client, live socket and the stores the UI renders. */
export interface Session {
  me: User;
  api: Api;
  keeper: TokenKeeper;
  socket: ClientSocket;
  chat: ChatStore;
  calls: CallStore;
  /** Message-notification choices on this device (do-not-disturb, previews, sound). */
  notifyPrefs: NotifyPrefsStore;
  /** Edit and delete of the user's own messages. */
  edits: MessageActions;
  typing: TypingStore;
  uploads: UploadStore;
  contactRequests: ContactRequestStore;
  connection: Store<{ status: ConnectionStatus }>;
  close(): void;
}

/**
 * Connects the socket (reconnecting on its own, with a retry after the server dropped it too) and routes
 * its events into the stores. `onUnauthorized` runs when the server no longer accepts the token.
 */
export function openSession(api: Api, keeper: TokenKeeper, me: User, onUnauthorized: () => void): Session {
  const socket: ClientSocket = io(api.base || undefined, {
    path: '/socket.io',
    // Asked at every (re)connection: a reconnect after the server dropped an expired token sends a new one.
    auth: (cb) => void keeper.freshToken().then((token) => cb({ token })),
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  const chat = new ChatStore(api, me);
  const calls = new CallStore(api, socket, chat);
  const notifyPrefs = new NotifyPrefsStore();
  const notifier = new MessageNotifier(chat, notifyPrefs);
  const stopMuteTimer = refreshWhenMutesEnd(chat);
  const edits = new MessageActions(api, chat);
  const typing = new TypingStore(socket);
  const uploads = new UploadStore(api, chat);
  const contactRequests = new ContactRequestStore(api);
  const connection = new Store<{ status: ConnectionStatus }>({ status: 'connecting' });
  let everConnected = false;
  let closed = false;

  // The list comes over HTTP at once, without waiting for the socket.
  void chat.loadConversations().catch(() => {});
  void contactRequests.load().catch(() => {});
  socket.on('connect', () => {
    connection.set({ status: 'connected' });
    if (everConnected) {
      // Whatever happened while we were away: new conversations, messages, read markers.
      void chat.loadConversations().catch(() => {});
      if (chat.state.selectedId) void chat.loadLatest(chat.state.selectedId).catch(() => {});
    }
    chat.retryFailed();
    everConnected = true;
  });
  socket.on('disconnect', (reason) => {
    if (closed) return;
    connection.set({ status: 'reconnecting' });
    // A server shutting down drops its sockets itself, and socket.io does not retry those on its own.
    if (reason === 'io server disconnect') setTimeout(() => !closed && socket.connect(), 1000);
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'unauthorized') onUnauthorized();
    // Renewed, then the handshake is tried again (at once, or after a pause when the server was not
    // reachable); if the server refused, the keeper has signed out and `closed` is set.
    else if (err.message === 'token_expired') {
      void keeper.refresh().then((ok) => setTimeout(() => !closed && socket.connect(), ok ? 0 : 2000));
    }
  });
  // Payload types come from the event maps of contract/events.ts.
  socket.on('message_new', (m) => {
    typing.onMessage(m);
    chat.onMessageNew(m);
    notifier.onMessage(m);
  });
  socket.on('message_updated', (m) => onMessageUpdated(chat, m));
  socket.on('typing', (e) => typing.onTyping(e));
  socket.on('conversation_mute', (e) => applyMute(chat, e));
  // A click on a desktop notification opens its conversation.
  const stopOpening = desktop()?.onOpenConversation?.((id) => chat.select(id));
  socket.on('conversation_read', (e) => chat.onConversationRead(e));
  socket.on('presence_snapshot', (p) => chat.onPresenceSnapshot(p.online));
  socket.on('presence', (p) => chat.onPresence(p.user_id, p.online));
  socket.on('call_invitation', (c) => calls.onInvitation(c));
  socket.on('call_state', (s) => calls.onCallState(s));
  socket.on('calls_snapshot', (s) => calls.onSnapshot(s.calls));
  socket.on('call_updated', (c) => calls.onCallUpdated(c));
  socket.on('conversation_new', (c) => chat.onConversationNew(c));
  socket.on('contact_request', (r) => contactRequests.onRequest(r));

  const onVisibility = () => document.visibilityState === 'visible' && chat.onVisible();
  document.addEventListener('visibilitychange', onVisibility);

  // The unread total in the tab title, and in the desktop app the tray's badge and "in call" state.
  let lastTray = '';
  const reflect = () => {
    const unread = chat.totalUnread();
    document.title = unread > 0 ? `(${unread}) ${t('appName')}` : t('appName');
    const tray = { unread, inCall: calls.state.inCall.length > 0 };
    const key = JSON.stringify(tray);
    if (key !== lastTray) void desktop()?.setTrayState(tray);
    lastTray = key;
  };
  const unsubscribe = [chat.subscribe(reflect), calls.subscribe(reflect)];

  return {
    me,
    api,
    keeper,
    socket,
    chat,
    calls,
    notifyPrefs,
    edits,
    typing,
    uploads,
    contactRequests,
    connection,
    close() {
      uploads.dispose();
      closed = true;
      notifier.dispose();
      stopMuteTimer();
      stopOpening?.();
      for (const u of unsubscribe) u();
      document.removeEventListener('visibilitychange', onVisibility);
      calls.dispose();
      typing.dispose();
      socket.disconnect();
      document.title = t('appName');
      void desktop()?.setTrayState({ unread: 0, inCall: false });
    },
  };
}
