import { isIn } from '../calls/live-calls';
import { conversationTitle, memberLine, otherMember } from '../chat/describe';
import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { ConversationSummary } from '../lib/types';
import type { Session } from '../session';
import { Avatar } from './avatar';
import { BlockButton } from './block-button';
import { Composer } from './composer';
import { ContactRequestBar } from './contact-request-bar';
import { LiveCallBar } from './live-call-bar';
import { MessageList } from './message-list';
import { MuteMenu } from './mute-menu';
import { TypingIndicator } from './typing-indicator';
import { useFileDrop } from './use-file-drop';

interface Props {
  session: Session;
  conversation: ConversationSummary;
}

/** The open conversation: who it is with, the video-call button, the messages and the composer. */
export function ConversationView({ session, conversation }: Props) {
  const chat = useStore(session.chat);
  const calls = useStore(session.calls);
  const meId = session.me.id;
  const title = conversationTitle(conversation, meId);
  const other = otherMember(conversation, meId);
  const online = other ? Boolean(chat.online[other.id]) : undefined;
  const subtitle = other ? (online ? t('online') : t('offline')) : memberLine(conversation, meId);
  // Only while the call is being set up: later a press joins or returns to the live call.
  const callBusy = calls.outgoing?.phase === 'starting';
  const live = calls.live[conversation.id];
  // The button says what it will do: with a live call it joins or returns to it, never rings anew.
  const callLabel = !live ? t('startVideoCall') : isIn(live, meId) ? t('returnToCall') : t('joinCall');
  const sendFiles = (files: File[]) => files.length > 0 && session.uploads.add(conversation.id, files);
  const drop = useFileDrop(sendFiles);

  return (
    <section
      class={`conversation-view ${drop.over ? 'drop-over' : ''}`}
      data-testid="conversation-view"
      {...drop.props}
    >
      {drop.over && (
        <div class="drop-hint" aria-hidden="true">
          {t('dropFilesHere')}
        </div>
      )}
      <header class="chat-header">
        <button
          type="button"
          class="ghost back"
          onClick={() => session.chat.select(null)}
          aria-label={t('backToChats')}
        >
          ‹
        </button>
        <Avatar
          id={other?.id ?? conversation.id}
          name={title}
          online={online}
          group={conversation.type === 'group'}
        />
        <div class="chat-title">
          <h2 data-testid="chat-title">{title}</h2>
          <span class="muted" data-testid="chat-subtitle" title={subtitle}>
            {subtitle}
          </span>
        </div>
        <MuteMenu session={session} conversation={conversation} />
        {other && <BlockButton api={session.api} user={other} />}
        <button
          type="button"
          class="call-button"
          title={callLabel}
          aria-label={callLabel}
          data-testid="call-button"
          disabled={callBusy}
          onClick={() => void session.calls.start(conversation.id)}
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path
              fill="currentColor"
              d="M4 6.5A2.5 2.5 0 0 1 6.5 4h7A2.5 2.5 0 0 1 16 6.5v1.9l3.4-2.3A1 1 0 0 1 21 7v10a1 1 0 0 1-1.6.8L16 15.6v1.9a2.5 2.5 0 0 1-2.5 2.5h-7A2.5 2.5 0 0 1 4 17.5z"
            />
          </svg>
        </button>
      </header>
      <ContactRequestBar session={session} conversationId={conversation.id} />
      <LiveCallBar session={session} conversation={conversation} />
      <MessageList session={session} conversation={conversation} />
      <TypingIndicator session={session} conversation={conversation} />
      <Composer
        onSend={(body) => {
          session.typing.sent(conversation.id);
          session.chat.send(conversation.id, body);
        }}
        onTyping={() => session.typing.typed(conversation.id)}
        onFiles={sendFiles}
        onEditLast={() => {
          const last = session.edits.lastChangeable(conversation.id);
          if (last) session.edits.startEdit(last.id);
        }}
      />
    </section>
  );
}
