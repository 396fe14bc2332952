import { useState } from 'preact/hooks';
import { type Api, ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import type { AuthReply } from '../lib/types';

interface Props {
  api: Api;
  onSignedIn(reply: AuthReply): void;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

/** Words for a failed sign-in or sign-up. */
function explain(err: unknown, mode: 'in' | 'up'): string {
  if (!(err instanceof ApiError)) return t('errGeneric', { message: String(err) });
  if (err.status === 0) return t('errNetwork');
  if (err.status === 401) return t('errBadCredentials');
  if (err.status === 409) return t('errUsernameTaken');
  if (err.status === 429) return t('errTooMany');
  if (err.status === 400 && mode === 'up') return t('errInvalidSignup', { details: err.message });
  return t('errGeneric', { message: err.message });
}

/** Sign in, or create an account (username, password, display name). */
export function AuthScreen({ api, onSignedIn }: Props) {
  const [mode, setMode] = useState<'in' | 'up'>('in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (mode === 'up') {
      const problems = [
        USERNAME.test(username) ? null : `${t('username')}: ${t('usernameHint')}`,
        password.length >= 8 ? null : `${t('password')}: ${t('passwordHint')}`,
      ].filter(Boolean);
      if (problems.length > 0) return setError(t('errInvalidSignup', { details: problems.join('; ') }));
    }
    setBusy(true);
    try {
      const reply =
        mode === 'in'
          ? await api.post<AuthReply>('/auth/login', { username, password })
          : await api.post<AuthReply>('/auth/register', {
              username,
              password,
              display_name: displayName.trim() || username,
            });
      onSignedIn(reply);
    } catch (err) {
      setError(explain(err, mode));
      setBusy(false);
    }
  };

  return (
    <div class="auth">
      <form class="auth-card" onSubmit={submit} data-testid="auth-form">
        <div class="auth-logo" aria-hidden="true">
          ☮
        </div>
        <h1>{t('appName')}</h1>
        <p class="muted">{t('tagline')}</p>
        <label>
          <span>{t('username')}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            required
          />
          {mode === 'up' && <small class="hint">{t('usernameHint')}</small>}
        </label>
        <label>
          <span>{t('password')}</span>
          <input
            name="password"
            type="password"
            autoComplete={mode === 'in' ? 'current-password' : 'new-password'}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
          {mode === 'up' && <small class="hint">{t('passwordHint')}</small>}
        </label>
        {mode === 'up' && (
          <label>
            <span>{t('displayName')}</span>
            <input
              name="display_name"
              autoComplete="nickname"
              maxLength={64}
              value={displayName}
              onInput={(e) => setDisplayName(e.currentTarget.value)}
            />
          </label>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="primary wide" type="submit" disabled={busy}>
          {busy ? t('working') : mode === 'in' ? t('signIn') : t('signUp')}
        </button>
        <p class="switch">
          {mode === 'in' ? t('noAccount') : t('haveAccount')}{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              setMode(mode === 'in' ? 'up' : 'in');
              setError(null);
            }}
          >
            {mode === 'in' ? t('signUp') : t('signIn')}
          </button>
        </p>
      </form>
    </div>
  );
}
