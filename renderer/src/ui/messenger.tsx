import { useState } from 'preact/hooks';
import { askForNotifications, canAskForNotifications } from '../calls/notifications';
import { desktop } from '../lib/desktop';
import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';
import { Avatar } from './avatar';
import { CallAnnouncer } from './call-announcer';
import { ConnectionBanner } from './connection-banner';
import { ConversationList } from './conversation-list';
import { ConversationView } from './conversation-view';
import { FocusTrap } from './focus-trap';
import { IncomingCallView } from './incoming-call-view';
import { NewChatDialog } from './new-chat-dialog';
import { NoticeBar } from './notice-bar';
import { NotifySettings } from './notify-settings';
import { OutgoingCallBar } from './outgoing-call-bar';
import { SwitchCallDialog } from './switch-call-dialog';
import { ThemeButton } from './theme-button';

interface Props {
  session: Session;
  /** Ends this session on the server, or with `everywhere` every session of the user. */
  onSignOut(everywhere?: boolean): void;
}

/** The signed-in app: conversations on the left, the open one on the right, call overlays above. */
export function Messenger({ session, onSignOut }: Props) {
  const chat = useStore(session.chat);
  const calls = useStore(session.calls);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [askNotify, setAskNotify] = useState(() => !desktop() && canAskForNotifications());
  const selected = session.chat.conversation(chat.selectedId);

  return (
    <div class="app">
      <ConnectionBanner session={session} />
      <OutgoingCallBar session={session} />
      <div class="layout">
        <nav class={`sidebar ${selected ? 'has-selection' : ''}`} aria-label={t('conversationsLabel')}>
          <header class="sidebar-header">
            <Avatar id={session.me.id} name={session.me.display_name} />
            <div class="me">
              <strong data-testid="me-name">{session.me.display_name}</strong>
              <span class="muted">@{session.me.username}</span>
            </div>
            <NotifySettings session={session} />
            <ThemeButton />
            <button type="button" class="ghost" onClick={() => onSignOut()} title={t('signOut')}>
              {t('signOut')}
            </button>
          </header>
          <div class="sidebar-title">
            <h1>{t('conversations')}</h1>
            <button
              type="button"
              class="primary small"
              onClick={() => setDialogOpen(true)}
              data-testid="new-chat"
            >
              + {t('newChat')}
            </button>
          </div>
          {askNotify && (
            <div class="hint-box">
              <span>{t('enableNotifications')}</span>
              <button
                type="button"
                class="link"
                onClick={() => {
                  // Asked from a click: browsers ignore permission prompts that no gesture started.
                  void askForNotifications().finally(() => setAskNotify(false));
                }}
              >
                {t('enableNotificationsButton')}
              </button>
            </div>
          )}
          <ConversationList session={session} />
          <footer class="sidebar-footer">
            <button
              type="button"
              class="link"
              onClick={() => onSignOut(true)}
              title={t('signOutEverywhereHint')}
              data-testid="sign-out-everywhere"
            >
              {t('signOutEverywhere')}
            </button>
          </footer>
        </nav>
        <main class="chat">
          {selected ? (
            <ConversationView key={selected.id} session={session} conversation={selected} />
          ) : (
            <div class="empty-state">{t('noConversationSelected')}</div>
          )}
        </main>
      </div>
      <FocusTrap active={dialogOpen} onEscape={() => setDialogOpen(false)}>
        {dialogOpen && <NewChatDialog session={session} onClose={() => setDialogOpen(false)} />}
      </FocusTrap>
      <FocusTrap active={calls.confirm !== null} onEscape={() => void session.calls.confirmSwitch(false)}>
        <SwitchCallDialog session={session} />
      </FocusTrap>
      <IncomingCallView session={session} />
      <CallAnnouncer session={session} />
      <NoticeBar session={session} />
    </div>
  );
}
