import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSignedIn, screenshot } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

/** An unanswered call becomes missed after RING_TIMEOUT_SECONDS (short here). */
describe('missed call UI', () => {
  const ui = useCallUi({ RING_TIMEOUT_SECONDS: '2' });

  async function device(token: string): Promise<Page> {
    const page = await ui.newPage();
    await openSignedIn(page, ui.backend.url, token);
    return page;
  }

  it('nobody answers: A reads "No answer.", B stops ringing and sees a missed call', async () => {
    const alice = await ui.backend.register('alice_missed', 'Alice');
    const bob = await ui.backend.register('bob_missed', 'Bob');
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id });
    const alicePage = await device(alice.token);
    const bobPage = await device(bob.token);
    await alicePage.locator('[data-testid="conversation"][data-title="Bob"]').click();
    await alicePage.locator('.chat-header [data-online="true"]').waitFor();

    const aliceRoom = alicePage.context().waitForEvent('page');
    await alicePage.getByTestId('call-button').click();
    await bobPage.getByTestId('incoming-call').waitFor();
    await expect
      .poll(() => alicePage.getByTestId('outgoing-status').textContent(), { timeout: 15_000 })
      .toBe('No answer.');
    await screenshot(alicePage, 'call', '05-no-answer');
    await bobPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    expect(await bobPage.evaluate(() => document.documentElement.dataset.ringing)).toBe('false');
    await expect.poll(async () => (await aliceRoom).isClosed()).toBe(true);

    // Unread on Bob's side, in words, in the list and the timeline.
    const row = bobPage.locator('[data-testid="conversation"][data-title="Alice"]');
    await expect.poll(() => row.locator('.preview').textContent()).toBe('Missed video call');
    await row.click();
    await bobPage.locator('[data-testid="call-entry"][data-outcome="missed"]').waitFor();
    await screenshot(bobPage, 'call', '06-missed-timeline');
    await alicePage.locator('[data-testid="call-entry"][data-outcome="missed"]').waitFor();
    expect(await alicePage.getByTestId('call-entry').textContent()).toContain('Video call · no answer');
  });
});
