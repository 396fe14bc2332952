import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';
import { Avatar } from './avatar';

/** The call being placed: ringing with a cancel button, then its outcome in words. */
export function OutgoingCallOverlay({ session }: { session: Session }) {
  const { outgoing } = useStore(session.calls);
  if (!outgoing) return null;
  const live = outgoing.phase === 'starting' || outgoing.phase === 'ringing';
  return (
    <div
      class="call-overlay"
      role="dialog"
      aria-live="polite"
      data-testid="outgoing-call"
      data-phase={outgoing.phase}
    >
      <div class="call-card">
        <div class={live ? 'pulse' : ''}>
          <Avatar id={outgoing.avatar_id} name={outgoing.name} size="large" />
        </div>
        <h2>{t('calling', { name: outgoing.name })}</h2>
        <p class="call-status" data-testid="outgoing-status">
          {session.calls.outgoingText(outgoing)}
        </p>
        {live ? (
          <button
            type="button"
            class="danger round"
            onClick={() => session.calls.cancel()}
            data-testid="cancel-call"
          >
            {t('hangUp')}
          </button>
        ) : (
          <button type="button" class="ghost" onClick={() => session.calls.dismissOutgoing()}>
            {t('close')}
          </button>
        )}
      </div>
    </div>
  );
}
