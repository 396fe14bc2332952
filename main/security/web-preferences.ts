/** The one set of web preferences every window gets: sandboxed, isolated, no Node. */
import type { WebPreferences } from 'electron';

/** Secure defaults with `preload`; callers may only add harmless extras. */
export function secureWebPreferences(preload: string, extra: WebPreferences = {}): WebPreferences {
  return {
    ...extra,
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  };
}
