import { type MessageKey, t } from '../lib/i18n';
import type { CallStateName } from '../lib/types';

export type OutgoingPhase = 'starting' | CallStateName | 'failed';

/** Words for a refused call, by the backend's error code. */
const FAILURE_TEXT: Record<string, MessageKey> = {
  jitsi_not_configured: 'callNotConfigured',
  already_in_call: 'callAlreadyInCall',
  call_in_progress: 'callInProgress',
  everyone_busy: 'callEveryoneBusy',
  network: 'errNetwork',
  rate_limited: 'errRateLimited',
  blocked: 'errBlocked',
  contact_request_pending: 'errContactRequestPending',
};

/** The reason shown for a call that could not be started. */
export function failureText(code: string, message: string): string {
  const key = FAILURE_TEXT[code];
  return key ? t(key) : message;
}

/** The words the outgoing-call bar shows for its phase; `name` is who is being called. */
export function outgoingText(phase: OutgoingPhase, name: string, error = ''): string {
  switch (phase) {
    case 'starting':
      return t('startingCall');
    case 'ringing':
      return t('ringing');
    case 'active':
      return t('connected');
    case 'declined':
      return t('callDeclined', { name });
    case 'busy':
      return t('callBusy', { name });
    case 'missed':
      return t('callNoAnswer');
    case 'cancelled':
      return t('callCancelled');
    case 'ended':
      return t('callEnded');
    case 'failed':
      return t('callFailed', { reason: error });
  }
}
