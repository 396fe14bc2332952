import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';

/**
 * A stranger's first contact, above their messages (the request's preview): accept to let calls and
 * online status through, decline to hear nothing more from them (they are not told).
 */
export function ContactRequestBar({ session, conversationId }: { session: Session; conversationId: string }) {
  useStore(session.contactRequests);
  const request = session.contactRequests.forConversation(conversationId);
  if (!request) return null;
  const answer = (accept: boolean) =>
    void session.contactRequests.answer(request.from.id, accept).catch(() => {});
  return (
    <section class="contact-request-bar" aria-label={t('contactRequestLabel')} data-testid="contact-request">
      <span>{t('contactRequestText', { name: request.from.display_name })}</span>
      <button
        type="button"
        class="primary small"
        data-testid="contact-request-accept"
        onClick={() => answer(true)}
      >
        {t('contactRequestAccept')}
      </button>
      <button
        type="button"
        class="ghost small"
        data-testid="contact-request-decline"
        onClick={() => answer(false)}
      >
        {t('contactRequestDecline')}
      </button>
    </section>
  );
}
