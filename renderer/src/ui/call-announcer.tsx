import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';

/**
 * Says an incoming call out loud to screen readers (an assertive live region), wherever focus is: the
 * call card itself does not take focus, so Enter pressed in the message box cannot answer by accident.
 */
export function CallAnnouncer({ session }: { session: Session }) {
  const { incoming } = useStore(session.calls);
  const call = incoming[0];
  return (
    <div class="sr-only" role="status" aria-live="assertive" aria-atomic="true" data-testid="call-announcer">
      {call ? `${t('incomingCall')}: ${t('incomingFrom', { name: call.from.display_name })}` : ''}
    </div>
  );
}
