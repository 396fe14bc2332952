import { useEffect, useRef, useState } from 'preact/hooks';
import { explainError } from '../lib/explain-error';
import { t } from '../lib/i18n';
import type { User, UserSearchResult } from '../lib/types';
import type { Session } from '../session';
import { Avatar } from './avatar';

interface Props {
  session: Session;
  onClose(): void;
}

/** Finds people by name, re-querying as the user types (debounced). */
function useUserSearch(session: Session, query: string): UserSearchResult[] | null {
  const [results, setResults] = useState<UserSearchResult[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      // Each result says whether that person is online right now (not only known contacts).
      session.api
        .request('GET /users', { query: { q: query.trim() } })
        .then((users) => !cancelled && setResults(users.filter((u) => u.id !== session.me.id)))
        .catch(() => !cancelled && setResults([]));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);
  return results;
}

/** Start a 1:1 chat with one person, or a group with a title and several members. */
export function NewChatDialog({ session, onClose }: Props) {
  const [tab, setTab] = useState<'direct' | 'group'>('direct');
  const [query, setQuery] = useState('');
  const [title, setTitle] = useState('');
  const [members, setMembers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const results = useUserSearch(session, query);
  const search = useRef<HTMLInputElement>(null);
  // The search box gets focus; FocusTrap (around this dialog) keeps it inside and handles Escape.
  useEffect(() => search.current?.focus(), []);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (err) {
      setError(explainError(err));
      setBusy(false);
    }
  };

  const toggle = (user: User) =>
    setMembers((list) =>
      list.some((m) => m.id === user.id) ? list.filter((m) => m.id !== user.id) : [...list, user],
    );

  return (
    <div class="modal-backdrop">
      <button type="button" class="modal-scrim" aria-label={t('close')} tabIndex={-1} onClick={onClose} />
      <div
        class="modal"
        role="dialog"
        aria-modal="true"
        aria-label={t('newChatTitle')}
        data-testid="new-chat-dialog"
      >
        <header class="modal-header">
          <h2>{t('newChatTitle')}</h2>
          <button type="button" class="ghost" onClick={onClose} aria-label={t('close')}>
            ✕
          </button>
        </header>
        <div class="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'direct'}
            class={tab === 'direct' ? 'active' : ''}
            onClick={() => setTab('direct')}
          >
            {t('directTab')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'group'}
            class={tab === 'group' ? 'active' : ''}
            onClick={() => setTab('group')}
            data-testid="group-tab"
          >
            {t('groupTab')}
          </button>
        </div>
        {tab === 'group' && (
          <>
            <label class="field">
              <span>{t('groupTitle')}</span>
              <input
                value={title}
                maxLength={100}
                onInput={(e) => setTitle(e.currentTarget.value)}
                data-testid="group-title"
              />
            </label>
            {members.length > 0 && (
              <div class="chips">
                {members.map((m) => (
                  <button type="button" class="chip" key={m.id} onClick={() => toggle(m)}>
                    {m.display_name} ✕
                  </button>
                ))}
              </div>
            )}
          </>
        )}
        <input
          class="search"
          type="search"
          placeholder={t('searchUsers')}
          aria-label={t('searchUsers')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          data-testid="user-search"
          ref={search}
        />
        <ul class="user-results">
          {results?.length === 0 && <li class="muted empty-list">{t('noUsersFound')}</li>}
          {results?.map((u) => {
            const picked = members.some((m) => m.id === u.id);
            return (
              <li key={u.id}>
                <button
                  type="button"
                  class={`user-row ${picked ? 'picked' : ''}`}
                  aria-pressed={tab === 'group' ? picked : undefined}
                  disabled={busy}
                  data-testid="user-result"
                  data-username={u.username}
                  onClick={() =>
                    tab === 'direct' ? void run(() => session.chat.createDirect(u.id)) : toggle(u)
                  }
                >
                  <Avatar id={u.id} name={u.display_name} online={u.online} />
                  <span class="user-names">
                    <strong>{u.display_name}</strong>
                    <span class="muted">@{u.username}</span>
                  </span>
                  {tab === 'group' && (
                    <span class={`check ${picked ? 'on' : ''}`} aria-hidden="true">
                      {picked ? '✓' : ''}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {tab === 'group' && (
          <footer class="modal-footer">
            <button type="button" class="ghost" onClick={onClose}>
              {t('cancel')}
            </button>
            <button
              type="button"
              class="primary"
              disabled={busy || !title.trim() || members.length === 0}
              data-testid="create-group"
              onClick={() =>
                void run(() =>
                  session.chat.createGroup(
                    title.trim(),
                    members.map((m) => m.id),
                  ),
                )
              }
            >
              {t('createGroup')}
            </button>
          </footer>
        )}
      </div>
    </div>
  );
}
