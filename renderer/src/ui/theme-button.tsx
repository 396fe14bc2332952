import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { applyTheme, nextTheme, savedTheme, type ThemeChoice } from '../lib/theme';

const LABEL = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;
const ICON = { system: '◐', light: '☀', dark: '☾' } as const;

/** One button that cycles system → light → dark; its name says the current theme. */
export function ThemeButton() {
  const [choice, setChoice] = useState<ThemeChoice>(savedTheme);
  return (
    <button
      type="button"
      class="ghost icon-button"
      data-testid="theme-button"
      data-theme-choice={choice}
      aria-label={`${t(LABEL[choice])}. ${t('themeHint')}`}
      title={`${t(LABEL[choice])}. ${t('themeHint')}`}
      onClick={() => {
        const next = nextTheme(choice);
        applyTheme(next, true);
        setChoice(next);
      }}
    >
      <span aria-hidden="true">{ICON[choice]}</span>
    </button>
  );
}
