/**
 * The chat UI's language: picks English or Simplified Chinese and words every string from the tables
 * of i18n-en.ts and i18n-zh-cn.ts (the zh-CN table is typed from the English one, so a string missing
 * from either language fails the type check).
 */
import { en, type MessageKey } from './i18n-en';
import { zhCN } from './i18n-zh-cn';

export type { MessageKey };

export type Locale = 'en' | 'zh-CN';

/** zh-CN for any Chinese system language, English otherwise. */
export function pickLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Locale = pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language);

/** The language the UI speaks; set once at start-up (the desktop app may configure it). */
export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

export function locale(): Locale {
  return current;
}

/** The string for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current === 'zh-CN' ? zhCN[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** `m:ss` (or `h:mm:ss`) for a call's length. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * A message time: hours and minutes today, else a short date too. The hour is 'numeric' so 12-hour
 * locales read "1:27 PM" (not "01:27 PM") and 24-hour ones keep "13:27".
 */
export function formatTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(current, options).format(date);
}

/** A compact time for the conversation list: the time today, "Yesterday", or a short date. */
export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) {
    return new Intl.DateTimeFormat(current, { hour: 'numeric', minute: '2-digit' }).format(date);
  }
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (date.toDateString() === yesterday.toDateString()) return t('yesterday');
  return new Intl.DateTimeFormat(current, { month: 'short', day: 'numeric' }).format(date);
}
