import { splitLinks } from '../chat/links';
import { isChangeable } from '../chat/message-actions';
import { formatTime, t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Message } from '../lib/types';
import type { Session } from '../session';
import { AttachmentView } from './attachment-view';
import { DeleteConfirm, MessageEditor } from './message-editor';
import { MessageMenu } from './message-menu';

interface Props {
  session: Session;
  message: Message;
  showSender: boolean;
  sender: string;
}

/** A text or file message: its bubble, "edited" or the "Message deleted" trace, and on one's own the actions. */
export function TextMessage({ session, message, showSender, sender }: Props) {
  const actions = useStore(session.edits);
  const meId = session.me.id;
  const mine = message.sender_id === meId;
  // Deleted meanwhile (on another device): the editor or the question closes by itself.
  const editing = actions.editingId === message.id && !message.deleted_at;
  const confirming = actions.confirmingDeleteId === message.id && !message.deleted_at;
  const classes = ['message', mine ? 'mine' : 'theirs', message.deleted_at ? 'deleted' : ''];
  return (
    <div class={classes.join(' ')} data-testid="message" data-message-id={message.id}>
      {showSender && !mine && <span class="sender">{sender}</span>}
      {editing ? (
        <MessageEditor actions={session.edits} message={message} />
      ) : (
        <div class="bubble-row">
          {isChangeable(message, meId) && (
            <MessageMenu
              onEdit={message.attachment ? undefined : () => session.edits.startEdit(message.id)}
              onDelete={() => session.edits.askDelete(message.id)}
            />
          )}
          <div class={`bubble ${message.attachment && !message.deleted_at ? 'with-attachment' : ''}`}>
            {message.deleted_at ? (
              <p class="deleted-trace" data-testid="deleted-trace">
                {t('messageDeleted')}
              </p>
            ) : message.attachment ? (
              <AttachmentView api={session.api} attachment={message.attachment} />
            ) : (
              <p>
                <LinkedText body={message.body} />
              </p>
            )}
            <span class="stamp">
              {message.edited_at && !message.deleted_at && (
                <span
                  class="edited"
                  data-testid="edited-marker"
                  title={t('editedAt', { time: formatTime(message.edited_at) })}
                >
                  {t('edited')} ·{' '}
                </span>
              )}
              <time>{formatTime(message.created_at)}</time>
            </span>
          </div>
        </div>
      )}
      {confirming && <DeleteConfirm actions={session.edits} message={message} />}
    </div>
  );
}

/**
 * A message body with its http(s) links clickable. They open outside the app: a new browser tab
 * without an opener or referrer, or, in the desktop app, the system browser (main denies new windows).
 */
function LinkedText({ body }: { body: string }) {
  return (
    <>
      {splitLinks(body).map((part, i) =>
        'href' in part ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
