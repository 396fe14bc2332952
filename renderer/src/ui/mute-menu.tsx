import { useState } from 'preact/hooks';
import { isMuted, MUTE_CHOICES } from '../chat/mute';
import { muteConversation, unmuteConversation } from '../chat/mute-actions';
import { explainError } from '../lib/explain-error';
import { formatTime, t } from '../lib/i18n';
import type { ConversationSummary } from '../lib/types';
import type { Session } from '../session';
import { BellIcon } from './bell-icon';
import { Popover } from './popover';

/** "Muted until 14:00", "Muted", or nothing for a conversation that is not muted. */
export function muteStatus(conversation: ConversationSummary): string | null {
  if (!isMuted(conversation) || !conversation.mute) return null;
  const until = conversation.mute.until;
  return until === null ? t('mutedForever') : t('mutedUntil', { time: formatTime(until) });
}

/**
 * Mute for 1 hour, 8 hours or until turned off, with whether calls still ring; or unmute. Stored on the
 * server, so every device of this user follows.
 */
export function MuteMenu({ session, conversation }: { session: Session; conversation: ConversationSummary }) {
  const [ringCalls, setRingCalls] = useState(conversation.mute?.ring_calls ?? true);
  const [error, setError] = useState<string | null>(null);
  const status = muteStatus(conversation);
  const run = async (close: () => void, action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      close();
    } catch (err) {
      setError(t('errMuteFailed', { message: explainError(err) }));
    }
  };
  const { api, chat } = session;
  return (
    <Popover
      testId="mute-button"
      title={status ?? t('muteMenuHint')}
      buttonClass={`ghost icon-button ${status ? 'active' : ''}`}
      label={<BellIcon off={status !== null} />}
    >
      {(close) => (
        <fieldset class="menu" aria-label={t('muteMenuHint')}>
          {status && (
            <p class="menu-status" data-testid="mute-status">
              {status}
            </p>
          )}
          {status && (
            <button
              type="button"
              data-testid="unmute"
              onClick={() => void run(close, () => unmuteConversation(api, chat, conversation.id))}
            >
              {t('unmute')}
            </button>
          )}
          <p class="menu-heading">{t('muteMenu')}</p>
          {MUTE_CHOICES.map((choice) => (
            <button
              type="button"
              key={choice.key}
              data-testid={`mute-${choice.minutes ?? 'forever'}`}
              onClick={() =>
                void run(close, () => muteConversation(api, chat, conversation.id, choice.minutes, ringCalls))
              }
            >
              {t(choice.key)}
            </button>
          ))}
          <label class="menu-check">
            <input
              type="checkbox"
              checked={ringCalls}
              data-testid="mute-ring-calls"
              onChange={(e) => setRingCalls(e.currentTarget.checked)}
            />
            {t('muteRingCalls')}
          </label>
          {error && (
            <p class="menu-error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
      )}
    </Popover>
  );
}
