/** One full-window message: a title, an explanation, and at most one action. */
export interface Screen {
  /** Stable name for tests and styling, e.g. `expired`. */
  id: string;
  title: string;
  body: string;
  /** Shown apart from the body, e.g. the server that was tried. */
  detail?: string;
  action?: { label: string; run: () => void };
  /** A spinner instead of a warning sign. */
  busy?: boolean;
}

/** Replaces whatever screen `host` shows with `screen` (or hides it with null). */
export function showScreen(host: HTMLElement, screen: Screen | null): void {
  host.replaceChildren();
  host.hidden = screen === null;
  if (!screen) return;
  host.dataset.screen = screen.id;
  const card = el('div', 'card');
  card.setAttribute('role', screen.busy ? 'status' : 'alert');
  card.append(
    el('div', screen.busy ? 'spinner' : 'sign'),
    el('h1', 'title', screen.title),
    el('p', 'body', screen.body),
  );
  if (screen.detail) card.append(el('p', 'detail', screen.detail));
  if (screen.action) {
    const { label, run } = screen.action;
    const button = el('button', 'action', label);
    button.type = 'button';
    button.addEventListener('click', run);
    card.append(button);
  }
  host.append(card);
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
