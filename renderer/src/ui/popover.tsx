import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** What the toggle button shows. */
  label: ComponentChildren;
  /** The button's accessible name and tooltip. */
  title: string;
  testId: string;
  buttonClass?: string;
  /** Which edge of the button the panel lines up with: 'end' (default) opens leftwards, for the right side. */
  align?: 'start' | 'end';
  /** The panel's content; `close` shuts it (after a choice). */
  children: (close: () => void) => ComponentChildren;
}

/**
 * A button that opens a small panel below it. Escape, a click outside or a choice closes it, and focus
 * goes back to the button, so keyboard users never lose their place.
 */
export function Popover({ label, title, testId, buttonClass = 'ghost', align = 'end', children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('.popover-panel button, .popover-panel input')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div class="popover" ref={root}>
      <button
        type="button"
        class={buttonClass}
        ref={button}
        title={title}
        aria-label={title}
        aria-expanded={open}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div class={`popover-panel ${align}`} data-testid={`${testId}-panel`}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
