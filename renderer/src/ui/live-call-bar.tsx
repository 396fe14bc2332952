import { useEffect, useState } from 'preact/hooks';
import { isIn, peopleIn, secondsSince } from '../calls/live-calls';
import { formatDuration, t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { ConversationSummary } from '../lib/types';
import type { Session } from '../session';

/** The clock, re-read every second while `on`: only to show how long a call has been going. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

interface Props {
  session: Session;
  conversation: ConversationSummary;
}

/**
 * The conversation's live call, as the server says it is: who is in it, for how long, and what this
 * user can do — Join when not in it, else Return to call and Hang up.
 */
export function LiveCallBar({ session, conversation }: Props) {
  const calls = useStore(session.calls);
  const call = calls.live[conversation.id];
  const now = useNow(Boolean(call?.started_at));
  if (!call) return null;
  // The caller's own ring has its bar (with Cancel) at the top already.
  const outgoing = calls.outgoing;
  if (outgoing?.call_id === call.call_id && call.state === 'ringing') return null;
  const meId = session.me.id;
  const names = peopleIn(call).map((id) =>
    id === meId ? t('you') : (conversation.members.find((m) => m.id === id)?.display_name ?? t('someone')),
  );
  const seconds = secondsSince(call, now);
  const mine = isIn(call, meId);
  return (
    <div class="live-call-bar" role="status" data-testid="live-call-bar" data-state={call.state}>
      <span class="live-call-icon" aria-hidden="true" />
      <div class="live-call-text">
        <strong>{call.state === 'ringing' ? t('liveCallRinging') : t('liveCallActive')}</strong>
        <span class="live-call-people" data-testid="live-call-people" title={names.join(t('listSeparator'))}>
          {names.join(t('listSeparator'))}
        </span>
      </div>
      {seconds !== null && (
        <time class="live-call-duration" data-testid="live-call-duration">
          {formatDuration(seconds)}
        </time>
      )}
      <div class="live-call-actions">
        {mine ? (
          <>
            <button
              type="button"
              class="primary small"
              data-testid="live-call-return"
              onClick={() => void session.calls.openCall(call)}
            >
              {t('returnToCall')}
            </button>
            <button
              type="button"
              class="danger small"
              data-testid="live-call-hangup"
              onClick={() => void session.calls.hangUp(call.call_id)}
            >
              {t('hangUpCall')}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="accept small"
            data-testid="live-call-join"
            onClick={() => void session.calls.start(conversation.id)}
          >
            {t('joinCall')}
          </button>
        )}
      </div>
    </div>
  );
}
