import type { OutgoingCall } from './calls-state';
import { failureText, type OutgoingPhase } from './outgoing-text';

/** How long an outcome stays on screen before the bar closes itself. */
const OUTCOME_MS = 6000;

/** A phase after which the call is over for the bar (the outcome only remains to be read). */
export const isOver = (phase: OutgoingPhase | undefined): boolean =>
  phase !== undefined && phase !== 'starting' && phase !== 'ringing';

/**
 * The outgoing-call bar's lifecycle: shown from the click, patched as the call goes, closed a moment
 * after its outcome (a late timer never closes the bar of a newer call).
 */
export class OutgoingBar {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;

  constructor(
    private readonly get: () => OutgoingCall | null,
    private readonly put: (outgoing: OutgoingCall | null) => void,
  ) {}

  show(outgoing: OutgoingCall | null): void {
    clearTimeout(this.#timer);
    if (outgoing) this.#attempt++;
    this.put(outgoing);
  }

  patch(patch: Partial<OutgoingCall>): void {
    const outgoing = this.get();
    if (outgoing) this.put({ ...outgoing, ...patch });
  }

  /** The call ended or got going: the bar says so, then closes. */
  settle(phase: OutgoingPhase, patch: Partial<OutgoingCall> = {}): void {
    this.patch({ ...patch, phase });
    if (phase !== 'ringing') this.#closeLater(phase === 'active' ? 1500 : OUTCOME_MS);
  }

  fail(code: string, message: string): void {
    this.settle('failed', { error: failureText(code, message) });
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #closeLater(ms: number): void {
    clearTimeout(this.#timer);
    const attempt = this.#attempt;
    this.#timer = setTimeout(() => {
      if (attempt === this.#attempt) this.show(null);
    }, ms);
  }
}
