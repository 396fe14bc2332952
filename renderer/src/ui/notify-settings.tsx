import { useState } from 'preact/hooks';
import { askForNotifications } from '../calls/notifications';
import type { NotifyPrefs } from '../chat/notify-prefs';
import { desktop } from '../lib/desktop';
import { type MessageKey, t } from '../lib/i18n';
import { useStore } from '../lib/store';
import type { Session } from '../session';
import { BellIcon } from './bell-icon';
import { Popover } from './popover';

/** The browser's permission for notifications, or null where there are none (or the desktop app decides). */
function browserPermission(): NotificationPermission | null {
  if (desktop() || typeof Notification === 'undefined') return null;
  return Notification.permission;
}

/**
 * Message-notification settings of this device: do-not-disturb (in a browser; the desktop app has its
 * own, in the tray and its settings window), message text in notifications, the soft sound.
 */
export function NotifySettings({ session }: { session: Session }) {
  const prefs = useStore(session.notifyPrefs);
  const [permission, setPermission] = useState(browserPermission);
  const options: [keyof NotifyPrefs, MessageKey][] = [
    ...(desktop() ? [] : [['doNotDisturb', 'notifyDoNotDisturb'] as [keyof NotifyPrefs, MessageKey]]),
    ['showPreviews', 'notifyShowPreviews'],
    ['sound', 'notifySound'],
  ];
  return (
    <Popover
      testId="notify-settings"
      align="start"
      title={t('notifySettingsHint')}
      buttonClass={`ghost icon-button ${prefs.doNotDisturb ? 'active' : ''}`}
      label={<BellIcon off={prefs.doNotDisturb} />}
    >
      {() => (
        <fieldset class="menu" aria-label={t('notifySettings')}>
          <p class="menu-heading">{t('notifySettings')}</p>
          {options.map(([key, label]) => (
            <label
              class="menu-check"
              key={key}
              title={key === 'doNotDisturb' ? t('notifyDoNotDisturbHint') : undefined}
            >
              <input
                type="checkbox"
                checked={prefs[key]}
                data-testid={`notify-${key}`}
                onChange={(e) => session.notifyPrefs.change({ [key]: e.currentTarget.checked })}
              />
              {t(label)}
            </label>
          ))}
          {permission === 'default' && (
            <button
              type="button"
              data-testid="notify-permission"
              // A click: browsers ignore permission prompts that no gesture started.
              onClick={() => void askForNotifications().then(setPermission)}
            >
              {t('notifyPermissionAsk')}
            </button>
          )}
          {permission === 'denied' && <p class="menu-status">{t('notifyPermissionDenied')}</p>}
        </fieldset>
      )}
    </Popover>
  );
}
