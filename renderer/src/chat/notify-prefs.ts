/**
 * The user's message-notification choices on this device, kept in localStorage next to the theme. In
 * the desktop app do-not-disturb is the app's own setting (tray and settings window), which main applies;
 * this one is the browser's.
 */
import { Store } from '../lib/store';

export interface NotifyPrefs {
  /** No message notifications or sounds at all. */
  doNotDisturb: boolean;
  /** Notifications show the message text; off, they say only "New message". */
  showPreviews: boolean;
  /** A soft sound with each notification. */
  sound: boolean;
}

export const NOTIFY_PREFS_KEY = 'peace.notify';
const DEFAULTS: NotifyPrefs = { doNotDisturb: false, showPreviews: true, sound: true };

function load(): NotifyPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(NOTIFY_PREFS_KEY) ?? '{}') as Partial<NotifyPrefs>;
    const pick = (key: keyof NotifyPrefs) => (typeof saved[key] === 'boolean' ? saved[key] : DEFAULTS[key]);
    return { doNotDisturb: pick('doNotDisturb'), showPreviews: pick('showPreviews'), sound: pick('sound') };
  } catch {
    return DEFAULTS;
  }
}

/** The choices, remembered as soon as they change. */
export class NotifyPrefsStore extends Store<NotifyPrefs> {
  constructor() {
    super(load());
  }

  change(patch: Partial<NotifyPrefs>): void {
    this.set(patch);
    try {
      localStorage.setItem(NOTIFY_PREFS_KEY, JSON.stringify(this.state));
    } catch {
      // Storage disabled: the choice holds for this session only.
    }
  }
}
