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

  // What had focus before the dialog opened. Tracked continuously: the opener may lose focus in the
  // very render that opens the dialog (the call button turns disabled while the call rings).
  const lastOutside = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const track = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof HTMLElement && !host.current?.contains(target)) lastOutside.current = target;
    };
    document.addEventListener('focusin', track);
    return () => document.removeEventListener('focusin', track);
  }, []);

  useEffect(() => {
    const root = host.current;
    if (!active || !root) return;
    const opener = lastOutside.current;
    // tabindex="-1" (the backdrop's mouse-only close button) is focusable but not a Tab stop.
    const items = () =>
      Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.tabIndex >= 0);
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
      // Unless what the dialog did moved focus on purpose (a new chat focuses its message box).
      const lost = document.activeElement === document.body || root.contains(document.activeElement);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [active]);

  return (
    <div ref={host} class="focus-scope">
      {children}
    </div>
  );
}
