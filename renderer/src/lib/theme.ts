/**
 * Light, dark, or whatever the system says. The choice lives on <html data-theme> (styles.css picks
 * colours from `color-scheme` with light-dark()), is remembered in localStorage, and is passed to the
 * desktop app so its popups and call windows follow it too.
 */
import { desktop } from './desktop';

export type ThemeChoice = 'system' | 'light' | 'dark';

const THEME_KEY = 'peace.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

function isChoice(value: unknown): value is ThemeChoice {
  return CHOICES.includes(value as ThemeChoice);
}

/** The remembered choice, 'system' when none (or storage is unavailable). */
export function savedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return isChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Shows `choice` now; with `remember`, keeps it for the next start. */
export function applyTheme(choice: ThemeChoice, remember = false): void {
  document.documentElement.dataset.theme = choice;
  void desktop()
    ?.setTheme?.(choice)
    .catch(() => {});
  if (!remember) return;
  try {
    localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Private mode without storage: the choice holds for this session only.
  }
}

/** The choice after `choice` in the cycle system → light → dark → system. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return CHOICES[(CHOICES.indexOf(choice) + 1) % CHOICES.length] as ThemeChoice;
}
