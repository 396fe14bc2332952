import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';
import { launchChromium, newUserPage, openSignedIn, requireBuiltRenderer } from '../helpers/browser.js';

/** The block button of a direct chat, in the real UI against the real backend. */
describe('blocking from the chat header', () => {
  let backend: TestBackend;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    requireBuiltRenderer();
    backend = await startBackend({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await backend?.close();
  });

  it('blocks the other person (their messages are refused) and unblocks again', async () => {
    const alice = await backend.register('alice_b', 'Alice');
    const bob = await backend.register('bob_b', 'Bob');
    const conv = await backend.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    const opened = await newUserPage(browser, { locale: 'zh-CN' });
    context = opened.context;
    const page = opened.page;
    await openSignedIn(page, backend.url, bob.token);
    await page.locator('[data-testid="conversation"][data-title="Alice"]').click();

    const button = page.getByTestId('block-button');
    await expect.poll(() => button.textContent()).toBe('屏蔽');
    await button.click();
    await expect.poll(() => button.getAttribute('data-blocked')).toBe('true');
    expect(await button.textContent()).toBe('取消屏蔽');
    expect(
      (await backend.api(bob.token, 'GET', '/api/v1/blocks')).body.map((u: { id: string }) => u.id),
    ).toEqual([alice.id]);
    const refused = await backend.api(alice.token, 'POST', `/api/v1/conversations/${conv.body.id}/messages`, {
      body: 'hi?',
    });
    expect(refused.body.error.code).toBe('blocked');

    await button.click();
    await expect.poll(() => button.getAttribute('data-blocked')).toBe('false');
    expect((await backend.api(bob.token, 'GET', '/api/v1/blocks')).body).toEqual([]);
  });
});
