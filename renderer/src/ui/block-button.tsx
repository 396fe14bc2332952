import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../lib/api';
import { t } from '../lib/i18n';
import type { User } from '../lib/types';

interface Props {
  api: Api;
  user: User;
}

/**
 * Blocks or unblocks the other person of a direct chat. The server then refuses messages, calls and
 * presence between the two, whichever side blocked.
 */
export function BlockButton({ api, user }: Props) {
  const [blocked, setBlocked] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .request('GET /blocks')
      .then((list) => live && setBlocked(list.some((u) => u.id === user.id)))
      .catch(() => live && setBlocked(false));
    return () => {
      live = false;
    };
  }, [api, user.id]);

  if (blocked === null) return null;
  const toggle = async () => {
    setBusy(true);
    try {
      const route = blocked ? 'DELETE /blocks/:id' : 'PUT /blocks/:id';
      await api.request(route, { params: { id: user.id } });
      setBlocked(!blocked);
    } finally {
      setBusy(false);
    }
  };
  const label = blocked ? t('unblockUser') : t('blockUser');
  return (
    <button
      type="button"
      class="ghost"
      disabled={busy}
      title={blocked ? label : t('blockUserHint', { name: user.display_name })}
      data-testid="block-button"
      data-blocked={String(blocked)}
      onClick={() => void toggle()}
    >
      {label}
    </button>
  );
}
