import { t } from '../lib/i18n';

const shown = new Map<string, Notification>();

/** Whether the browser could show notifications once the user allows them. */
export function canAskForNotifications(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

/** Asks for permission; must run inside a user gesture (a click). */
export async function askForNotifications(): Promise<NotificationPermission> {
  if (typeof Notification === 'undefined') return 'denied';
  return Notification.requestPermission();
}

/** A system notification for an incoming call while this tab is hidden (browser only). */
export function notifyIncomingCall(callId: string, callerName: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' || shown.has(callId)) return;
  const notification = new Notification(t('notifyIncomingTitle'), {
    body: t('notifyIncomingBody', { name: callerName }),
    tag: `call-${callId}`,
    requireInteraction: true,
  });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
  shown.set(callId, notification);
}

export function dismissCallNotification(callId: string): void {
  shown.get(callId)?.close();
  shown.delete(callId);
}
