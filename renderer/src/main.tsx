import { render } from 'preact';
import { unlockAudioOnGesture } from './calls/ringer';
import { desktop } from './lib/desktop';
import { locale, pickLocale, setLocale } from './lib/i18n';
import { applyTheme, savedTheme } from './lib/theme';
import { App } from './ui/app';
import './styles.css';
import './ui/live-calls.css';
import './ui/message-edits.css';
import './ui/attachments.css';

/** Picks the language (the desktop app's setting wins over the browser's), then renders the app. */
async function start(): Promise<void> {
  applyTheme(savedTheme());
  const bridge = desktop();
  const configured = bridge ? (await bridge.getConfig().catch(() => null))?.language : undefined;
  setLocale(configured ? pickLocale(configured) : locale());
  unlockAudioOnGesture();
  const root = document.getElementById('app');
  if (root) render(<App />, root);
}

void start();
