import { desktop } from './desktop';

const KEY = 'peace.session_token';

/** What a signed-in client keeps: the short-lived access token and the refresh token that renews it. */
export interface SavedSession {
  access_token: string;
  /** Null for a session saved before refresh tokens existed: it ends when its access token does. */
  refresh_token: string | null;
  /** When the access token expires, by this machine's clock (from `expires_in`, so skew does not matter). */
  expires_at: number;
}

/** The session as the server hands it out (sign-in, sign-up, refresh). */
export function sessionFrom(reply: {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}): SavedSession {
  return {
    access_token: reply.access_token,
    refresh_token: reply.refresh_token,
    expires_at: Date.now() + reply.expires_in * 1000,
  };
}

function parse(stored: string | null): SavedSession | null {
  if (!stored) return null;
  try {
    const session = JSON.parse(stored) as SavedSession;
    if (typeof session.access_token === 'string') return session;
  } catch {
    // A bare access token, saved by an older version.
  }
  return { access_token: stored, refresh_token: null, expires_at: Number.POSITIVE_INFINITY };
}

/** The saved session: encrypted by the desktop app (safeStorage), or in localStorage in a browser. */
export async function loadSession(): Promise<SavedSession | null> {
  const bridge = desktop();
  return parse(bridge ? await bridge.getSessionToken() : localStorage.getItem(KEY));
}

/** Saves (or with null forgets) the session. */
export async function saveSession(session: SavedSession | null): Promise<void> {
  const value = session === null ? null : JSON.stringify(session);
  const bridge = desktop();
  if (bridge) return bridge.setSessionToken(value);
  if (value === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, value);
}
