import { type Api, ApiError } from './api';
import { loadSession, type SavedSession, saveSession, sessionFrom } from './session';

/** Renew this long before the access token runs out, so a request never starts with a dying token. */
const MARGIN_MS = 5000;
/** Tabs of one browser share the saved session: one refresh at a time across all of them. */
const LOCK_NAME = 'peace.token-refresh';

/**
 * Keeps the access token of a signed-in client fresh: exchanges the refresh token when the server says
 * `token_expired` (HTTP) or the socket needs a new handshake. Concurrent callers share one refresh,
 * since each refresh token is good once and presenting it twice ends the session (theft detection).
 */
export class TokenKeeper {
  #session: SavedSession;
  #inFlight: Promise<boolean> | null = null;
  #forgotten = false;

  constructor(
    private readonly api: Api,
    session: SavedSession,
    /** Runs when the session cannot be renewed any more (revoked, reused, expired): sign in again. */
    private readonly onEnded: () => void,
  ) {
    this.#session = session;
    api.setToken(session.access_token);
    api.renewToken = () => this.refresh();
  }

  /** The access token, renewed first when it is about to expire (for socket handshakes). */
  async freshToken(): Promise<string> {
    if (Date.now() >= this.#session.expires_at - MARGIN_MS) await this.refresh();
    return this.#session.access_token;
  }

  /** Renews the access token; resolves true when there is a new one. One refresh serves all callers. */
  refresh(): Promise<boolean> {
    this.#inFlight ??= this.#refreshOnce().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Sign-out: forgets the saved session, and no refresh after this saves one again. */
  async forget(): Promise<void> {
    this.#forgotten = true;
    await saveSession(null);
  }

  async #refreshOnce(): Promise<boolean> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(LOCK_NAME, () => this.#exchange()) : this.#exchange();
  }

  async #exchange(): Promise<boolean> {
    // Another tab may have rotated the shared refresh token while we waited for the lock: adopt its
    // result instead of presenting the spent token, which would end the session for every tab.
    const saved = this.#forgotten ? null : await loadSession().catch(() => null);
    if (saved?.refresh_token && saved.refresh_token !== this.#session.refresh_token) {
      this.#adopt(saved);
      return true;
    }
    const refreshToken = this.#session.refresh_token;
    if (!refreshToken) {
      // Saved by a version without refresh tokens: once its access token expires, sign in again.
      if (!this.#forgotten) this.onEnded();
      return false;
    }
    try {
      const reply = await this.api.request('POST /auth/refresh', { body: { refresh_token: refreshToken } });
      this.#adopt(sessionFrom(reply));
      if (!this.#forgotten) await saveSession(this.#session);
      return true;
    } catch (err) {
      // Only the server saying no ends the session; a network failure leaves it for the next try.
      if (err instanceof ApiError && err.status === 401 && !this.#forgotten) this.onEnded();
      return false;
    }
  }

  #adopt(session: SavedSession): void {
    this.#session = session;
    this.api.setToken(session.access_token);
  }
}
