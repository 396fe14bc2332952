import { useEffect, useState } from 'preact/hooks';
import { Api, ApiError } from '../lib/api';
import { backendBase } from '../lib/desktop';
import { t } from '../lib/i18n';
import { loadToken, saveToken } from '../lib/session';
import type { AuthReply, User } from '../lib/types';
import { openSession, type Session } from '../session';
import { AuthScreen } from './auth-screen';
import { Messenger } from './messenger';

type Phase = { name: 'loading' } | { name: 'signed-out'; api: Api } | { name: 'signed-in'; session: Session };

/** Restores a saved session or shows sign-in; signing out forgets the token. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  const signOut = (api: Api, session?: Session, server?: 'this' | 'everywhere') => {
    // Revoke on the server first (best effort): a copied token must stop working, not just be forgotten here.
    if (server)
      void api
        .request(server === 'everywhere' ? 'POST /auth/logout-all' : 'POST /auth/logout')
        .catch(() => {});
    session?.close();
    api.setToken(null);
    void saveToken(null);
    setPhase({ name: 'signed-out', api });
  };

  const signIn = (api: Api, token: string, me: User) => {
    api.setToken(token);
    const session = openSession(api, token, me, () => signOut(api, session));
    setPhase({ name: 'signed-in', session });
  };

  useEffect(() => {
    void (async () => {
      const api = new Api(await backendBase());
      const token = await loadToken().catch(() => null);
      if (!token) return setPhase({ name: 'signed-out', api });
      api.setToken(token);
      try {
        signIn(api, token, await api.request('GET /me'));
      } catch (err) {
        // Only a refused token is forgotten; an unreachable server keeps it for the next start.
        if (err instanceof ApiError && err.status === 401) await saveToken(null);
        api.setToken(null);
        setPhase({ name: 'signed-out', api });
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
          void saveToken(reply.access_token);
          signIn(api, reply.access_token, reply.user);
        }}
      />
    );
  }
  const session = phase.session;
  return (
    <Messenger
      session={session}
      onSignOut={(everywhere) => signOut(session.api, session, everywhere ? 'everywhere' : 'this')}
    />
  );
}
