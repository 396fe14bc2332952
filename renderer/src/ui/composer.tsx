import { useEffect, useRef, useState } from 'preact/hooks';
import { locale, t } from '../lib/i18n';

/** The server's limit on a message, in characters (code points, as its schema counts them). */
const MAX_MESSAGE = 10000;
/** From here on a counter shows how much room is left. */
const COUNTER_FROM = MAX_MESSAGE - 1000;

/** Characters as the server counts them: an emoji is one, not two UTF-16 units. */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The message box: Enter sends, Shift+Enter starts a new line. Nothing is cut silently: past the limit
 * the text stays as typed or pasted, a warning says by how much it is over, and Send waits.
 */
interface ComposerProps {
  onSend(body: string): void;
  /** A keystroke changed the text (feeds the typing indicator). */
  onTyping?(): void;
  /** Up arrow in an empty box: edit the user's last message. */
  onEditLast?(): void;
}

export function Composer({ onSend, onTyping, onEditLast }: ComposerProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  // Opening a conversation puts the cursor in its message box.
  useEffect(() => input.current?.focus(), []);
  const count = length(text);
  const over = count - MAX_MESSAGE;
  const canSend = text.trim() !== '' && over <= 0;

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
    input.current?.focus();
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div class="composer-field">
        <textarea
          ref={input}
          rows={1}
          value={text}
          aria-label={t('messageLabel')}
          aria-invalid={over > 0 ? 'true' : undefined}
          aria-describedby={count >= COUNTER_FROM ? 'composer-count' : undefined}
          placeholder={t('messagePlaceholder')}
          data-testid="composer-input"
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (e.currentTarget.value.trim() !== '') onTyping?.();
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp' && text === '' && onEditLast) {
              e.preventDefault();
              onEditLast();
              return;
            }
            // Not while an input method is composing (Chinese input confirms with Enter).
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        {count >= COUNTER_FROM && (
          <p
            id="composer-count"
            class={`char-count ${over > 0 ? 'over' : ''}`}
            data-testid="char-count"
            aria-live="polite"
          >
            <span>
              {t('charCount', {
                count: count.toLocaleString(locale()),
                max: MAX_MESSAGE.toLocaleString(locale()),
              })}
            </span>{' '}
            <span>
              {over > 0
                ? t('tooLong', { over: over.toLocaleString(locale()) })
                : t('nearLimit', { left: -over })}
            </span>
          </p>
        )}
      </div>
      <button type="submit" class="primary" disabled={!canSend} data-testid="send-button">
        {t('send')}
      </button>
    </form>
  );
}
