import { t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';

/** One short message about calls (e.g. a blocked call window), with its action. */
export function NoticeBar({ session }: { session: Session }) {
  const { notice } = useStore(session.calls);
  if (!notice) return null;
  return (
    <div class="notice" role="alert" data-testid="notice">
      <span>{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          class="primary small"
          onClick={() => {
            session.calls.dismissNotice();
            notice.action?.run();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" class="ghost small" onClick={() => session.calls.dismissNotice()}>
        {t('close')}
      </button>
    </div>
  );
}
