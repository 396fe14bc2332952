/** Why `external_api.js` is not usable. */
export type LoadFailure = 'timeout' | 'failed';

/** The constructor the Jitsi script defines (only what this page uses). */
export type JitsiApiConstructor = new (domain: string, options: Record<string, unknown>) => JitsiApi;

/** The part of Jitsi's IFrame API this page uses. */
export interface JitsiApi {
  addListener(event: string, listener: (data: unknown) => void): void;
  executeCommand(command: string, ...args: unknown[]): void;
  dispose(): void;
}

declare global {
  interface Window {
    JitsiMeetExternalAPI?: JitsiApiConstructor;
  }
}

/**
 * Loads `${server}/external_api.js` and resolves with `JitsiMeetExternalAPI`. Rejects with 'failed' when
 * the script errors (unreachable, 404, blocked by the page's CSP) or loads without defining the API (a
 * non-Jitsi answer), and with 'timeout' when nothing arrives within `timeoutMs`.
 */
export function loadExternalApi(server: string, timeoutMs: number): Promise<JitsiApiConstructor> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const timer = window.setTimeout(() => settle('timeout'), timeoutMs);
    function settle(failure: LoadFailure | null) {
      window.clearTimeout(timer);
      script.onload = script.onerror = null;
      const api = window.JitsiMeetExternalAPI;
      if (failure === null && typeof api === 'function') resolve(api);
      else reject(failure ?? 'failed');
    }
    script.onload = () => settle(null);
    script.onerror = () => settle('failed');
    script.src = `${server}/external_api.js`;
    script.async = true;
    document.head.append(script);
  });
}
