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
  /** Files pasted into the box: sent as attachments. */
  onFiles(files: File[]): void;
  /** A keystroke changed the text (feeds the typing indicator). */
  onTyping?(): void;
  /** Up arrow in an empty box: edit the user's last message. */
  onEditLast?(): void;
}

export function Composer({ onSend, onFiles, onTyping, onEditLast }: ComposerProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
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
      <button
        type="button"
        class="ghost attach-button"
        title={t('attachFile')}
        aria-label={t('attachFile')}
        data-testid="attach-button"
        onClick={() => picker.current?.click()}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            d="M20 11.5 12.3 19.2a5 5 0 0 1-7.1-7.1l8-8a3.3 3.3 0 0 1 4.7 4.7l-8 8a1.7 1.7 0 0 1-2.4-2.4l7.4-7.4"
          />
        </svg>
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          onFiles([...(e.currentTarget.files ?? [])]);
          // The same file may be picked again later.
          e.currentTarget.value = '';
        }}
      />
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
          onPaste={(e) => {
            // Pasted files (a screenshot, files copied in a file manager) are sent; pasted text is typed.
            const files = [...(e.clipboardData?.files ?? [])];
            if (files.length === 0) return;
            e.preventDefault();
            onFiles(files);
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
