import { conversationTitle } from '../chat/describe';
import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';
import { Avatar } from './avatar';

/** The oldest call ringing for this user: who calls, accept and decline. */
export function IncomingCallView({ session }: { session: Session }) {
  const { incoming } = useStore(session.calls);
  const call = incoming[0];
  if (!call) return null;
  const conversation = session.chat.conversation(call.conversation_id);
  const group = conversation?.type === 'group' ? conversationTitle(conversation, session.me.id) : null;
  return (
    <div class="incoming-call" role="alertdialog" aria-label={t('incomingCall')} data-testid="incoming-call">
      <div class="pulse">
        <Avatar id={call.from.id} name={call.from.display_name} size="large" />
      </div>
      <div class="incoming-text">
        <span class="muted">{t('incomingCall')}</span>
        <strong data-testid="incoming-caller">{t('incomingFrom', { name: call.from.display_name })}</strong>
        {group && <span class="muted">{t('incomingGroup', { title: group })}</span>}
      </div>
      <div class="incoming-actions">
        <button
          type="button"
          class="danger round"
          onClick={() => session.calls.decline(call.call_id)}
          data-testid="decline-call"
        >
          {t('decline')}
        </button>
        <button
          type="button"
          class="accept round"
          onClick={() => void session.calls.accept(call.call_id)}
          data-testid="accept-call"
        >
          {t('accept')}
        </button>
      </div>
    </div>
  );
}
