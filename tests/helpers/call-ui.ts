import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startBackend, type TestBackend } from './backend.js';
import { launchChromium, newUserPage, requireBuiltRenderer, type UserPageOptions } from './browser.js';
import { type FakeJitsi, startFakeJitsi } from './fake-jitsi.js';

/** What a call UI test file works with; the getters are usable inside tests (after `beforeAll`). */
export interface CallUi {
  readonly backend: TestBackend;
  readonly jitsi: FakeJitsi;
  readonly browser: Browser;
  /** A page in a fresh context (one simulated device), closed after the current test. */
  newPage(options?: UserPageOptions): Promise<Page>;
}

/**
 * Registers the hooks of a call UI test file in the enclosing `describe`: a stand-in Jitsi, the real
 * backend configured for it (plus `extraEnv`), one Chromium with fake media, and per-test contexts.
 */
export function useCallUi(extraEnv: Record<string, string> = {}): CallUi {
  let jitsi: FakeJitsi | undefined;
  let backend: TestBackend | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    requireBuiltRenderer();
    jitsi = await startFakeJitsi();
    backend = await startBackend({
      // Call tests register many users quickly.
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      JITSI_SERVER_URL: jitsi.url,
      JITSI_APP_ID: 'peace-e2e',
      JITSI_APP_SECRET: 'call-ui-test-secret-0123456789abcdef',
      ...extraEnv,
    });
    browser = await launchChromium({ media: true });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await backend?.close();
    await jitsi?.close();
  });

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useCallUi: ${name} is only available inside tests`);
    return value;
  };

  return {
    get backend() {
      return started(backend, 'backend');
    },
    get jitsi() {
      return started(jitsi, 'jitsi');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async newPage(options) {
      const { context, page } = await newUserPage(started(browser, 'browser'), options);
      contexts.push(context);
      return page;
    },
  };
}

/**
 * The room page the next window of `page`'s context opens, once it shows the room (a call window is
 * opened empty and then sent to its room_url, so that an open one can be found again by its name).
 */
export async function nextRoomPage(page: Page): Promise<Page> {
  const room = await page.context().waitForEvent('page');
  await room.waitForURL(/\/room\//);
  return room;
}
