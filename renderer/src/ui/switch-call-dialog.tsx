import { conversationTitle } from '../chat/describe';
import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';

/** The one-call rule, asked: "Leave the current call and join?" */
export function SwitchCallDialog({ session }: { session: Session }) {
  const { confirm } = useStore(session.calls);
  if (!confirm) return null;
  const titles = confirm.leave.map((call) => {
    const conversation = session.chat.conversation(call.conversation_id);
    return conversation ? conversationTitle(conversation, session.me.id) : '';
  });
  return (
    <div class="modal-backdrop">
      <button
        type="button"
        class="modal-scrim"
        aria-label={t('cancel')}
        onClick={() => void session.calls.confirmSwitch(false)}
      />
      <div class="modal switch-call" role="alertdialog" aria-modal="true" data-testid="switch-call-dialog">
        <h2>{t('switchCallTitle')}</h2>
        <p class="muted">{t('switchCallBody', { title: titles.join(t('listSeparator')) })}</p>
        <footer class="modal-footer">
          <button
            type="button"
            class="ghost"
            data-testid="switch-call-cancel"
            onClick={() => void session.calls.confirmSwitch(false)}
          >
            {t('cancel')}
          </button>
          <button
            type="button"
            class="primary"
            data-testid="switch-call-confirm"
            onClick={() => void session.calls.confirmSwitch(true)}
          >
            {t('switchCallConfirm')}
          </button>
        </footer>
      </div>
    </div>
  );
}
