import { describe, expect, it } from 'vitest';
import { openSignedIn } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

/** The block button of a direct chat, in the real UI against the real backend. */
describe('blocking from the chat header', () => {
  // The shared browser + backend fixture: pages in fresh contexts, closed after each test.
  const ui = useCallUi();

  it('blocks the other person (their messages are refused) and unblocks again', async () => {
    const alice = await ui.backend.register('alice_b', 'Alice');
    const bob = await ui.backend.register('bob_b', 'Bob');
    const conv = await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    const page = await ui.newPage({ locale: 'zh-CN' });
    await openSignedIn(page, ui.backend.url, bob.token);
    await page.locator('[data-testid="conversation"][data-title="Alice"]').click();

    const button = page.getByTestId('block-button');
    await expect.poll(() => button.textContent()).toBe('屏蔽');
    await button.click();
    await expect.poll(() => button.getAttribute('data-blocked')).toBe('true');
    expect(await button.textContent()).toBe('取消屏蔽');
    expect(
      (await ui.backend.api(bob.token, 'GET', '/api/v1/blocks')).body.map((u: { id: string }) => u.id),
    ).toEqual([alice.id]);
    const refused = await ui.backend.api(
      alice.token,
      'POST',
      `/api/v1/conversations/${conv.body.id}/messages`,
      {
        body: 'hi?',
      },
    );
    expect(refused.body.error.code).toBe('blocked');

    await button.click();
    await expect.poll(() => button.getAttribute('data-blocked')).toBe('false');
    expect((await ui.backend.api(bob.token, 'GET', '/api/v1/blocks')).body).toEqual([]);
  });
});
