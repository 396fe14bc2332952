import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageActions } from '../chat/message-actions';
import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Message } from '../lib/types';

interface Props {
  actions: MessageActions;
  message: Message;
}

/**
 * When the editor or the question goes away (saved, deleted, cancelled) focus would fall to the page:
 * it goes back to the message box instead, where the user carries on.
 */
function useFocusComposerAfter(): void {
  useEffect(
    () => () => {
      // Checked once the editor has left the page (cleanups run while it is still there).
      setTimeout(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lost) document.querySelector<HTMLTextAreaElement>('.composer textarea')?.focus();
      });
    },
    [],
  );
}

/** Inline edit of one's own message: Enter saves, Shift+Enter starts a new line, Escape cancels. */
export function MessageEditor({ actions, message }: Props) {
  const state = useStore(actions);
  const [text, setText] = useState(message.body);
  const input = useRef<HTMLTextAreaElement>(null);
  useFocusComposerAfter();
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const save = () => void actions.saveEdit(message, text);

  return (
    <form
      class="message-editor"
      data-testid="message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <textarea
        ref={input}
        value={text}
        rows={Math.min(8, text.split('\n').length)}
        aria-label={t('editMessageLabel')}
        aria-describedby={`edit-hint-${message.id}`}
        data-testid="edit-input"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            actions.cancel();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            save();
          }
        }}
      />
      {state.error && (
        <p class="error" role="alert" data-testid="edit-error">
          {state.error}
        </p>
      )}
      <div class="message-editor-actions">
        <span id={`edit-hint-${message.id}`} class="muted">
          {t('editHint')}
        </span>
        <button type="button" class="ghost small" onClick={() => actions.cancel()}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary small" disabled={state.busy} data-testid="save-edit">
          {t('saveEdit')}
        </button>
      </div>
    </form>
  );
}

/** "Delete this message for everyone?" under the message, Cancel focused (the safe choice). */
export function DeleteConfirm({ actions, message }: Props) {
  const state = useStore(actions);
  const cancel = useRef<HTMLButtonElement>(null);
  useFocusComposerAfter();
  useEffect(() => cancel.current?.focus(), []);
  return (
    <fieldset
      class="delete-confirm"
      data-testid="delete-confirm"
      onKeyDown={(e) => e.key === 'Escape' && actions.cancel()}
    >
      <legend>{t('confirmDelete')}</legend>
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      <button ref={cancel} type="button" class="ghost small" onClick={() => actions.cancel()}>
        {t('cancel')}
      </button>
      <button
        type="button"
        class="primary small danger"
        disabled={state.busy}
        data-testid="confirm-delete"
        onClick={() => void actions.confirmDelete(message)}
      >
        {t('deleteMessage')}
      </button>
    </fieldset>
  );
}
