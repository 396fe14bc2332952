import { useEffect, useRef } from 'preact/hooks';
import { conversationTitle, messagePreview, otherMember } from '../chat/describe';
import { isMuted } from '../chat/mute';
import { formatListTime, t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';
import { Avatar } from './avatar';
import { BellIcon } from './bell-icon';

/** Every conversation, newest activity first, with unread badge, last message and presence. */
export function ConversationList({ session }: { session: Session }) {
  const chat = useStore(session.chat);
  const { live } = useStore(session.calls);
  const meId = session.me.id;
  const list = useRef<HTMLUListElement>(null);
  const lastSelected = useRef<string | null>(null);
  // Back from a chat on a narrow screen: focus returns to that chat's row, not to the top of the page.
  useEffect(() => {
    const left = lastSelected.current;
    lastSelected.current = chat.selectedId;
    if (left && !chat.selectedId && document.activeElement === document.body) {
      list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(left)}"]`)?.focus();
    }
  }, [chat.selectedId]);
  if (chat.loaded && chat.conversations.length === 0) {
    return <p class="empty-list muted">{t('noConversations')}</p>;
  }
  return (
    <ul class="conversation-list" data-testid="conversation-list" ref={list}>
      {chat.conversations.map((c) => {
        const title = conversationTitle(c, meId);
        const other = otherMember(c, meId);
        const last = c.last_message;
        const muted = isMuted(c);
        return (
          <li key={c.id}>
            <button
              type="button"
              class={`conversation ${c.id === chat.selectedId ? 'selected' : ''} ${c.unread_count > 0 ? 'unread' : ''}`}
              onClick={() => session.chat.select(c.id)}
              aria-current={c.id === chat.selectedId ? 'true' : undefined}
              data-testid="conversation"
              data-id={c.id}
              data-title={title}
            >
              <Avatar
                id={other?.id ?? c.id}
                name={title}
                online={other ? Boolean(chat.online[other.id]) : undefined}
                group={c.type === 'group'}
              />
              <span class="conversation-text">
                <span class="conversation-top">
                  <span class="conversation-title">{title}</span>
                  {muted && (
                    <span
                      class="muted-marker"
                      data-testid="muted-marker"
                      role="img"
                      aria-label={t('mutedForever')}
                    >
                      <BellIcon off size={13} />
                    </span>
                  )}
                  {live[c.id] && (
                    <span
                      class="live-call-marker"
                      data-testid="live-call-marker"
                      title={t('liveCallMarker')}
                      role="img"
                      aria-label={t('liveCallMarker')}
                    />
                  )}
                  {last && <time class="muted">{formatListTime(last.created_at)}</time>}
                </span>
                <span class="conversation-bottom">
                  <span class="preview">{last ? messagePreview(last, meId, c.type === 'direct') : ''}</span>
                  {c.unread_count > 0 && (
                    <span
                      class={`badge ${muted ? 'muted-badge' : ''}`}
                      data-testid="unread-badge"
                      data-muted={String(muted)}
                      title={t(muted ? 'mutedBadge' : 'unread', { count: c.unread_count })}
                    >
                      {c.unread_count > 99 ? '99+' : c.unread_count}
                    </span>
                  )}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
