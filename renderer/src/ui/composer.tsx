import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ onSend }: { onSend(body: string): void }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  // Opening a conversation puts the cursor in its message box.
  useEffect(() => input.current?.focus(), []);

  const send = () => {
    const body = text.trim();
    if (!body) return;
    onSend(body);
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
      <textarea
        ref={input}
        rows={1}
        maxLength={10000}
        value={text}
        placeholder={t('messagePlaceholder')}
        data-testid="composer-input"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Not while an input method is composing (Chinese input confirms with Enter).
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      <button type="submit" class="primary" disabled={!text.trim()} data-testid="send-button">
        {t('send')}
      </button>
    </form>
  );
}
