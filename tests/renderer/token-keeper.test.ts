import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Api, ApiError } from '../../renderer/src/lib/api.js';
import { loadSession, type SavedSession, saveSession } from '../../renderer/src/lib/session.js';
import { TokenKeeper } from '../../renderer/src/lib/token-refresh.js';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

const SECRET = 'token-keeper-test-secret-long-enough-01';

/** The browser's localStorage, for one origin shared by every "tab" of a test. */
const storage = new Map<string, string>();
Object.assign(globalThis, {
  window: {},
  localStorage: {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
    removeItem: (k: string) => storage.delete(k),
  },
});

/** The renderer's token keeper against the real backend: one refresh for many requests, tabs that agree. */
describe('TokenKeeper', () => {
  let b: TestBackend;
  const refreshes: string[] = [];
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    b = await startBackend({ SESSION_SECRET: SECRET });
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      if (String(input).endsWith('/auth/refresh')) refreshes.push(String(init?.body));
      return realFetch(input, init);
    });
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await b?.close();
  });
  beforeEach(() => {
    refreshes.length = 0;
    storage.clear();
  });

  /** A session whose access token has already expired (the server says token_expired). */
  async function expiredSession(user: TestUser): Promise<SavedSession> {
    const { sid } = JSON.parse(Buffer.from(user.token.split('.')[1] as string, 'base64url').toString());
    const sign = createSigner({
      key: SECRET,
      iss: 'peace-messenger',
      aud: 'peace-messenger/api',
      expiresIn: 1,
    });
    const access_token = sign({ sub: user.id, sid });
    await new Promise((r) => setTimeout(r, 1100));
    const session = { access_token, refresh_token: user.refresh, expires_at: Date.now() - 1000 };
    await saveSession(session);
    return session;
  }

  it('renews an expired token once for many concurrent requests, and retries each of them', async () => {
    const user = await b.register('kim');
    const api = new Api(b.url);
    const ended = vi.fn();
    new TokenKeeper(api, await expiredSession(user), ended);
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.request('GET /me')));
    expect(answers.every((me) => me.id === user.id)).toBe(true);
    expect(refreshes).toHaveLength(1);
    expect(ended).not.toHaveBeenCalled();
    // The renewed session is saved, so a reload starts from it.
    expect((await loadSession())?.refresh_token).not.toBe(user.refresh);
  });

  it("a second tab adopts the first tab's renewal instead of presenting the spent refresh token", async () => {
    const user = await b.register('lee');
    const saved = await expiredSession(user);
    const [tabA, tabB] = [new Api(b.url), new Api(b.url)];
    const ended = vi.fn();
    new TokenKeeper(tabA, saved, ended);
    new TokenKeeper(tabB, saved, ended);
    await tabA.request('GET /me');
    await tabB.request('GET /me');
    expect(refreshes).toHaveLength(1);
    expect(ended).not.toHaveBeenCalled();
  });

  it('ends the session when the server refuses the refresh, and the request fails with 401', async () => {
    const user = await b.register('max');
    const api = new Api(b.url);
    const ended = vi.fn();
    const saved = await expiredSession(user);
    await b.api(null, 'POST', '/api/v1/auth/refresh', { refresh_token: user.refresh }); // a thief's use
    new TokenKeeper(api, saved, ended);
    const failure = await api.request('GET /me').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a session saved without a refresh token (older version) signs out once its token expires', async () => {
    const user = await b.register('ola');
    const { access_token } = await expiredSession(user);
    storage.set('peace.session_token', access_token); // what an older version saved: the bare token
    expect(await loadSession()).toMatchObject({ access_token, refresh_token: null });
    const api = new Api(b.url);
    const ended = vi.fn();
    new TokenKeeper(api, { access_token, refresh_token: null, expires_at: Number.POSITIVE_INFINITY }, ended);
    await expect(api.request('GET /me')).rejects.toMatchObject({ code: 'token_expired' });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(refreshes).toHaveLength(0);
  });

  it('a forgotten (signed-out) keeper never saves a session again', async () => {
    const user = await b.register('ned');
    const api = new Api(b.url);
    const keeper = new TokenKeeper(api, await expiredSession(user), vi.fn());
    await keeper.forget();
    await api.request('GET /me');
    expect(await loadSession()).toBeNull();
  });
});
