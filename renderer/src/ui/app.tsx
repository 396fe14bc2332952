import { useEffect, useState } from 'preact/hooks';
import { Api, ApiError } from '../lib/api';
import { backendBase } from '../lib/desktop';
import { t } from '../lib/i18n';
import { loadSession, type SavedSession, saveSession, sessionFrom } from '../lib/session';
import { TokenKeeper } from '../lib/token-refresh';
import type { AuthReply, User } from '../lib/types';
import { openSession, type Session } from '../session';
import { AuthScreen } from './auth-screen';
import { Messenger } from './messenger';

type Phase = { name: 'loading' } | { name: 'signed-out'; api: Api } | { name: 'signed-in'; session: Session };

/** Restores a saved session or shows sign-in; signing out forgets the tokens. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  const signOut = (api: Api, keeper: TokenKeeper, session?: Session, server?: 'this' | 'everywhere') => {
    session?.close();
    // Revoke on the server (best effort, through the old client, which may still need a refresh for it):
    // a copied token must stop working, not just be forgotten here.
    const revoked = server
      ? api.request(server === 'everywhere' ? 'POST /auth/logout-all' : 'POST /auth/logout').catch(() => {})
      : Promise.resolve();
    void revoked.then(() => keeper.forget());
    setPhase({ name: 'signed-out', api: new Api(api.base) });
  };

  /** Keeps `saved` fresh on `api`; the keeper ends the session when the server refuses to renew it. */
  const keep = (api: Api, saved: SavedSession, session: () => Session | undefined) => {
    const keeper: TokenKeeper = new TokenKeeper(api, saved, () => signOut(api, keeper, session()));
    return keeper;
  };

  const signIn = (api: Api, keeper: TokenKeeper, me: User) => {
    const session = openSession(api, keeper, me, () => signOut(api, keeper, session));
    setPhase({ name: 'signed-in', session });
    return session;
  };

  useEffect(() => {
    void (async () => {
      const api = new Api(await backendBase());
      const saved = await loadSession().catch(() => null);
      if (!saved) return setPhase({ name: 'signed-out', api });
      let session: Session | undefined;
      const keeper = keep(api, saved, () => session);
      try {
        session = signIn(api, keeper, await api.request('GET /me'));
      } catch (err) {
        // Only a refused session is forgotten; an unreachable server keeps it for the next start.
        if (err instanceof ApiError && err.status === 401) await keeper.forget();
        setPhase({ name: 'signed-out', api: new Api(api.base) });
      }
    })();
  }, []);

  if (phase.name === 'loading') return <div class="splash">{t('appName')}</div>;
  if (phase.name === 'signed-out') {
    const api = phase.api;
    return (
      <AuthScreen
        api={api}
        onSignedIn={(reply: AuthReply) => {
          const saved = sessionFrom(reply);
          void saveSession(saved);
          const session: Session = signIn(
            api,
            keep(api, saved, () => session),
            reply.user,
          );
        }}
      />
    );
  }
  const session = phase.session;
  return (
    <Messenger
      session={session}
      onSignOut={(everywhere) =>
        signOut(session.api, session.keeper, session, everywhere ? 'everywhere' : 'this')
      }
    />
  );
}
