/**
 * macOS asks the user once per app before camera and microphone work; a refusal is silent for the
 * web page, so main asks up front when a call window opens and explains a refusal in a dialog.
 */
import { dialog, shell, systemPreferences } from 'electron';
import type { Strings } from './i18n.js';

const PRIVACY_SETTINGS = 'x-apple.systempreferences:com.apple.preference.security?Privacy_Camera';

/** On macOS: asks for camera and microphone access; returns false (after explaining) when refused. */
export async function ensureMediaAccess(strings: Strings): Promise<boolean> {
  if (process.platform !== 'darwin') return true;
  let granted = true;
  for (const media of ['microphone', 'camera'] as const) {
    const status = systemPreferences.getMediaAccessStatus(media);
    if (status === 'granted') continue;
    if (status === 'not-determined' && (await systemPreferences.askForMediaAccess(media))) continue;
    granted = false;
  }
  if (!granted) {
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: strings.mediaDeniedTitle,
      message: strings.mediaDeniedTitle,
      detail: strings.mediaDeniedMessage,
      buttons: [strings.openSettings, strings.ok],
      defaultId: 0,
      cancelId: 1,
    });
    // A fixed system URL chosen by main, not by web content, so it bypasses the http/https allowlist.
    if (response === 0) await shell.openExternal(PRIVACY_SETTINGS);
  }
  return granted;
}
