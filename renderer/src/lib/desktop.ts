import type { DesktopBridge } from '../../../contract/desktop-bridge';

/** The Electron preload bridge, or undefined in a plain browser. */
export function desktop(): DesktopBridge | undefined {
  return window.peaceDesktop;
}

/**
 * Where the backend is: in the desktop app its configured address; in a browser the page's own origin
 * (the backend serves this client), written as '' so every URL stays relative.
 */
export async function backendBase(): Promise<string> {
  const bridge = desktop();
  if (!bridge) return '';
  const { serverUrl } = await bridge.getConfig();
  return serverUrl.replace(/\/+$/, '');
}
