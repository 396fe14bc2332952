import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  /** While true: focus moves in, Tab cycles inside, Escape calls `onEscape`; after, focus goes back. */
  active: boolean;
  onEscape?(): void;
  children: ComponentChildren;
}

/**
 * Keyboard behaviour of a modal dialog around any content: focus moves into it (unless the content
 * focused something itself), stays inside on Tab and Shift+Tab, Escape closes it, and when it goes away
 * focus returns to what had it before (the button that opened it). When the content swaps its buttons
 * (a call's Cancel becomes Close), focus follows into the new ones instead of falling to the page.
 */
export function FocusTrap({ active, onEscape, children }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;

  useEffect(() => {
    const root = host.current;
    if (!active || !root) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const items = () => Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
    const pullIn = () => {
      if (!root.contains(document.activeElement)) items()[0]?.focus();
    };
    pullIn();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && onEscapeRef.current) {
        event.preventDefault();
        onEscapeRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const list = items();
      const first = list[0];
      const last = list[list.length - 1];
      if (!first || !last) return;
      const inside = root.contains(document.activeElement);
      if (event.shiftKey && (!inside || document.activeElement === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
        event.preventDefault();
        first.focus();
      }
    };
    const watcher = new MutationObserver(() => {
      if (document.activeElement === document.body || document.activeElement === null) pullIn();
    });
    watcher.observe(root, { childList: true, subtree: true });
    document.addEventListener('keydown', onKey);
    return () => {
      watcher.disconnect();
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [active]);

  return (
    <div ref={host} class="focus-scope">
      {children}
    </div>
  );
}
