import { useLayoutEffect, useRef } from 'preact/hooks';
import { callOutcomeText, callOutcomeTone, senderName } from '../chat/describe';
import { formatTime, t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { ConversationSummary, Message } from '../lib/types';
import type { Session } from '../session';
import { TextMessage } from './message-bubble';
import { UploadRow } from './upload-row';

interface Props {
  session: Session;
  conversation: ConversationSummary;
}

/** Close enough to the bottom that a new message should scroll into view. */
const NEAR_BOTTOM_PX = 120;
/** Close enough to the top that older history is fetched. */
const NEAR_TOP_PX = 80;

/** The messages of one conversation: history pages in on scroll-up, new ones stay in view. */
export function MessageList({ session, conversation }: Props) {
  const chat = useStore(session.chat);
  const thread = session.chat.thread(conversation.id);
  const pending = chat.pending.filter((p) => p.conversation_id === conversation.id);
  useStore(session.uploads);
  const uploads = session.uploads.of(conversation.id);
  // Unconfirmed messages and files alike: a new one scrolls into view.
  const waiting = pending.length + uploads.length;
  const scroller = useRef<HTMLDivElement>(null);
  const seen = useRef({ first: '', last: '', height: 0, top: 0, pending: 0 });
  const meId = session.me.id;
  const direct = conversation.type === 'direct';

  // Keeps the view where the reader expects it (overflow-anchor is off in the CSS, this decides).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = thread.messages[0]?.id ?? '';
    const last = thread.messages[thread.messages.length - 1];
    const before = seen.current;
    const wasNearBottom = before.height - before.top - el.clientHeight < NEAR_BOTTOM_PX;
    if (before.last === '' && last) {
      el.scrollTop = el.scrollHeight;
    } else if (first !== before.first && before.first !== '' && last?.id === before.last) {
      // Older messages arrived above: keep the same message under the reader's eyes.
      el.scrollTop = before.top + (el.scrollHeight - before.height);
    } else if ((last && last.id !== before.last) || waiting > before.pending) {
      if (wasNearBottom || last?.sender_id === meId || waiting > before.pending)
        el.scrollTop = el.scrollHeight;
    }
    seen.current = {
      first,
      last: last?.id ?? '',
      height: el.scrollHeight,
      top: el.scrollTop,
      pending: waiting,
    };
  });

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    seen.current.top = el.scrollTop;
    if (el.scrollTop < NEAR_TOP_PX && thread.hasMore && !thread.loadingOlder) {
      void session.chat.loadOlder(conversation.id).catch(() => {});
    }
  };

  const loadOlder = () => void session.chat.loadOlder(conversation.id).catch(() => {});

  return (
    <div
      class="messages"
      ref={scroller}
      onScroll={onScroll}
      data-testid="messages"
      role="log"
      aria-label={t('messagesLabel')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must be focusable to scroll by keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      <div class="history-edge">
        {thread.hasMore ? (
          <button
            type="button"
            class="ghost small"
            onClick={loadOlder}
            disabled={thread.loadingOlder}
            data-testid="load-older"
          >
            {thread.loadingOlder ? t('loadingOlder') : t('loadOlder')}
          </button>
        ) : thread.loaded && thread.messages.length > 0 ? (
          <span class="muted">{t('startOfConversation')}</span>
        ) : null}
      </div>
      {thread.loaded && thread.messages.length === 0 && waiting === 0 && (
        <p class="empty-thread muted">{t('noMessages')}</p>
      )}
      {thread.messages.map((m, i) => (
        <MessageRow
          key={m.id}
          session={session}
          message={m}
          direct={direct}
          showSender={!direct && m.sender_id !== thread.messages[i - 1]?.sender_id}
          sender={senderName(conversation, m.sender_id)}
        />
      ))}
      {pending.map((p) => (
        <div key={p.client_id} class={`message mine pending ${p.status}`} data-testid="pending-message">
          <div class="bubble">
            <p>{p.body}</p>
          </div>
          <div class="meta">
            {p.status === 'sending' ? (
              <span class="muted">{t('sending')}</span>
            ) : (
              <span class="failed-note" data-testid="send-failed">
                {t('sendFailed')}{' '}
                <button type="button" class="link" onClick={() => session.chat.retry(p.client_id)}>
                  {t('retry')}
                </button>{' '}
                ·{' '}
                <button type="button" class="link" onClick={() => session.chat.discard(p.client_id)}>
                  {t('discard')}
                </button>
              </span>
            )}
          </div>
        </div>
      ))}
      {uploads.map((u) => (
        <UploadRow key={u.id} upload={u} uploads={session.uploads} />
      ))}
    </div>
  );
}

interface RowProps {
  session: Session;
  message: Message;
  direct: boolean;
  showSender: boolean;
  sender: string;
}

function MessageRow({ session, message, direct, showSender, sender }: RowProps) {
  if (message.kind === 'call') {
    const meId = session.me.id;
    return (
      <div
        class={`call-entry ${callOutcomeTone(message, meId)}`}
        data-testid="call-entry"
        data-outcome={message.call?.outcome}
      >
        <span class="call-icon" aria-hidden="true">
          ☎
        </span>
        <span>{callOutcomeText(message, meId, direct)}</span>
        <time class="muted">{formatTime(message.created_at)}</time>
      </div>
    );
  }
  return <TextMessage session={session} message={message} showSender={showSender} sender={sender} />;
}
