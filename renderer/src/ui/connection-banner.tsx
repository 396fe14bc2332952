import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';

/** Shown while the live connection is down; the socket keeps retrying on its own. */
export function ConnectionBanner({ session }: { session: Session }) {
  const { status } = useStore(session.connection);
  if (status === 'connected') return null;
  return (
    <div class="banner" role="status" data-testid="connection-banner">
      <span class="spinner" aria-hidden="true" />
      {status === 'reconnecting' ? t('reconnecting') : t('connecting')}
    </div>
  );
}
