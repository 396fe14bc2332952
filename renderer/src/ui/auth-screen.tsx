import { useState } from 'preact/hooks';
import { type Api, ApiError } from '../lib/api';
import { explainError, fieldProblem } from '../lib/explain-error';
import { t } from '../lib/i18n';
import type { AuthReply } from '../lib/types';

interface Props {
  api: Api;
  onSignedIn(reply: AuthReply): void;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

/** A problem to show: under one field (`field`), or for the whole form. */
interface FormError {
  field?: 'username' | 'password' | 'display_name';
  text: string;
}

/** Words for a failed sign-in or sign-up, in the user's language, placed at the field it concerns. */
function explain(err: unknown, mode: 'in' | 'up'): FormError {
  if (err instanceof ApiError && err.status === 401 && mode === 'in') return { text: t('errBadCredentials') };
  if (err instanceof ApiError && err.status === 409)
    return { field: 'username', text: t('errUsernameTaken') };
  const onField = err instanceof ApiError ? fieldProblem(err) : null;
  const field = err instanceof ApiError ? err.field : undefined;
  if (onField && (field === 'username' || field === 'password' || field === 'display_name')) {
    return { field, text: onField };
  }
  return { text: explainError(err) };
}

/** The hint under a field, or its error (announced, and linked to the input by aria-describedby). */
function FieldNote({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  if (error) {
    return (
      <small class="field-error" id={id} role="alert">
        {error}
      </small>
    );
  }
  return hint ? (
    <small class="hint" id={id}>
      {hint}
    </small>
  ) : null;
}

/** Sign in, or create an account (username, password, display name). */
export function AuthScreen({ api, onSignedIn }: Props) {
  const [mode, setMode] = useState<'in' | 'up'>('in');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: NonNullable<FormError['field']>) =>
    error && error.field === field ? error.text : undefined;
  const note = (field: NonNullable<FormError['field']>, hint?: string) => {
    const problem = fieldError(field);
    return {
      node: <FieldNote id={`${field}-note`} hint={mode === 'up' ? hint : undefined} error={problem} />,
      attrs: {
        'aria-invalid': problem ? ('true' as const) : undefined,
        'aria-describedby': problem || (mode === 'up' && hint) ? `${field}-note` : undefined,
      },
    };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (mode === 'up') {
      if (!USERNAME.test(username)) return setError({ field: 'username', text: t('usernameHint') });
      if (password.length < 8) return setError({ field: 'password', text: t('passwordHint') });
    }
    setBusy(true);
    try {
      const reply =
        mode === 'in'
          ? await api.request('POST /auth/login', { body: { username, password } })
          : await api.request('POST /auth/register', {
              body: { username, password, display_name: displayName.trim() || username },
            });
      onSignedIn(reply);
    } catch (err) {
      setError(explain(err, mode));
      setBusy(false);
    }
  };

  const usernameNote = note('username', t('usernameHint'));
  const passwordNote = note('password', t('passwordHint'));
  const nameNote = note('display_name');
  return (
    <main class="auth">
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
            {...usernameNote.attrs}
          />
          {usernameNote.node}
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
            {...passwordNote.attrs}
          />
          {passwordNote.node}
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
              {...nameNote.attrs}
            />
            {nameNote.node}
          </label>
        )}
        {error && !error.field && (
          <p class="error" role="alert" data-testid="form-error">
            {error.text}
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
    </main>
  );
}
