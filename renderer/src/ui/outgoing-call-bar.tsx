import { isOver } from '../calls/outgoing-bar';
import { outgoingText } from '../calls/outgoing-text';
import { conversationTitle, otherMember } from '../chat/describe';
import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';
import { Avatar } from './avatar';

/**
 * The call being placed, as a compact bar above the chat (never a modal: the caller keeps reading and
 * typing): ringing with Cancel, then its outcome in words.
 */
export function OutgoingCallBar({ session }: { session: Session }) {
  const { outgoing } = useStore(session.calls);
  useStore(session.chat);
  if (!outgoing) return null;
  const conversation = session.chat.conversation(outgoing.conversation_id);
  const meId = session.me.id;
  const name = conversation ? conversationTitle(conversation, meId) : '';
  const other = conversation ? otherMember(conversation, meId) : undefined;
  const live = !isOver(outgoing.phase);
  const busy = (outgoing.busy_ids ?? [])
    .map((id) => conversation?.members.find((m) => m.id === id)?.display_name)
    .filter((n): n is string => Boolean(n));
  return (
    <div
      class="outgoing-bar"
      role="status"
      aria-live="polite"
      data-testid="outgoing-call"
      data-phase={outgoing.phase}
    >
      <div class={live ? 'pulse' : ''}>
        <Avatar id={other?.id ?? outgoing.conversation_id} name={name} />
      </div>
      <div class="outgoing-bar-text">
        {/* "Calling Ed" only while it rings; the outcome below then speaks for itself under the name. */}
        <strong data-testid="outgoing-heading">{live ? t('calling', { name }) : name}</strong>
        <span class="outgoing-bar-status" data-testid="outgoing-status">
          {outgoingText(outgoing.phase, name, outgoing.error)}
        </span>
        {conversation?.type === 'group' && busy.length > 0 && (
          <span class="outgoing-bar-busy" data-testid="outgoing-busy">
            {t('callBusyMembers', { names: busy.join(t('listSeparator')) })}
          </span>
        )}
      </div>
      {live ? (
        <button
          type="button"
          class="danger small"
          onClick={() => session.calls.cancel()}
          data-testid="cancel-call"
        >
          {t('hangUp')}
        </button>
      ) : (
        <button
          type="button"
          class="ghost small"
          onClick={() => session.calls.dismissOutgoing()}
          data-testid="outgoing-close"
        >
          {t('close')}
        </button>
      )}
    </div>
  );
}
