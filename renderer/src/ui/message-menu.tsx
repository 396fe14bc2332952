import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';

interface Props {
  /** Absent for a file message, which can be deleted but not edited. */
  onEdit?: () => void;
  onDelete(): void;
}

/**
 * The "⋯" button on one's own message and its small menu: shown on hover and on keyboard focus,
 * arrow keys move between the items, Escape closes it and gives focus back to the button.
 */
export function MessageMenu({ onEdit, onDelete }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  // Before the next paint, so a key pressed right after opening already lands in the menu.
  useLayoutEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes it.
    const away = (e: Event) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const pick = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <div class={`message-menu ${open ? 'open' : ''}`}>
      <button
        ref={button}
        type="button"
        class="message-menu-button"
        aria-label={t('messageActions')}
        title={t('messageActions')}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="message-menu"
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div ref={menu} role="menu" class="message-menu-list" onKeyDown={onKeyDown}>
          {onEdit && (
            <button type="button" role="menuitem" data-testid="edit-message" onClick={pick(onEdit)}>
              {t('editMessage')}
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            class="danger-item"
            data-testid="delete-message"
            onClick={pick(onDelete)}
          >
            {t('deleteMessage')}
          </button>
        </div>
      )}
    </div>
  );
}
