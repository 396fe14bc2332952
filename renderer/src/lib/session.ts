import { desktop } from './desktop';

const KEY = 'peace.session_token';

/** The saved access token: encrypted by the desktop app (safeStorage), or in localStorage in a browser. */
export async function loadToken(): Promise<string | null> {
  const bridge = desktop();
  if (bridge) return bridge.getSessionToken();
  return localStorage.getItem(KEY);
}

/** Saves (or with null forgets) the access token. */
export async function saveToken(token: string | null): Promise<void> {
  const bridge = desktop();
  if (bridge) return bridge.setSessionToken(token);
  if (token === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, token);
}
