import { t } from '../lib/i18n';

/** How often, at most, this client says it is typing in one conversation. */
export const TYPING_SEND_INTERVAL_MS = 3000;
/** How long an indicator stays after the last `typing` heard (a bit over the send interval). */
export const TYPING_VISIBLE_MS = 5000;

/** "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…", or '' for nobody. */
export function typingText(names: readonly string[]): string {
  const [first, second] = names;
  if (first === undefined) return '';
  if (second === undefined) return t('typingOne', { name: first });
  if (names.length === 2) return t('typingTwo', { first, second });
  return t('typingMany');
}

/**
 * Decides when a keystroke is worth a `typing` event: the first one, then at most one per interval
 * per conversation. After sending, the next keystroke counts as a first one again.
 */
export class TypingThrottle {
  readonly #lastSent = new Map<string, number>();

  constructor(
    private readonly intervalMs = TYPING_SEND_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when a `typing` for `conversationId` should go out now (and counts it as sent). */
  take(conversationId: string): boolean {
    const t = this.now();
    const last = this.#lastSent.get(conversationId);
    if (last !== undefined && t - last < this.intervalMs) return false;
    this.#lastSent.set(conversationId, t);
    return true;
  }

  /** The message went out: receivers dropped the indicator, so the next keystroke announces again. */
  reset(conversationId: string): void {
    this.#lastSent.delete(conversationId);
  }
}
