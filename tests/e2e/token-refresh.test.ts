import { describe, expect, it } from 'vitest';
import { openSignedIn } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

const ACCESS_TTL_SECONDS = 5;

/**
 * Short-lived access tokens in the real chat UI: the page renews them behind the user's back, so the
 * chat keeps working (HTTP and the live socket) long past the first token's expiry.
 */
describe('transparent token refresh', () => {
  const ui = useCallUi({ ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS) });

  it('keeps sending and receiving past several access-token lifetimes, one refresh per renewal', async () => {
    const tag = Date.now() % 100000;
    const alice = await ui.backend.register(`alice${tag}`, 'Alice');
    const bob = await ui.backend.register(`bob${tag}`, 'Bob');
    const conversation = (
      await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body;
    const page = await ui.newPage();
    const refreshes: number[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('/api/v1/auth/refresh')) refreshes.push(res.status());
    });
    await openSignedIn(page, ui.backend.url, alice.token, alice.refresh);
    await page.locator('[data-testid="conversation"][data-title="Bob"]').click();

    // Bob's side goes through the API, with a token renewed for each message.
    let bobRefresh = bob.refresh;
    const bobSays = async (text: string) => {
      const renewed = await ui.backend.api(null, 'POST', '/api/v1/auth/refresh', {
        refresh_token: bobRefresh,
      });
      bobRefresh = renewed.body.refresh_token;
      const path = `/api/v1/conversations/${conversation.id}/messages`;
      expect((await ui.backend.api(renewed.body.access_token, 'POST', path, { body: text })).status).toBe(
        201,
      );
    };

    for (const round of [1, 2]) {
      // Past the access token's life: the server drops the socket, the page must reconnect with a new one.
      await page.waitForTimeout((ACCESS_TTL_SECONDS + 1) * 1000);
      await bobSays(`from Bob, round ${round}`);
      await page
        .getByTestId('message')
        .filter({ hasText: `from Bob, round ${round}` })
        .waitFor();
      await page.getByTestId('composer-input').fill(`from Alice, round ${round}`);
      await page.getByTestId('composer-input').press('Enter');
      await page
        .getByTestId('message')
        .filter({ hasText: `from Alice, round ${round}` })
        .waitFor();
      await page.getByTestId('pending-message').waitFor({ state: 'detached' });
    }

    expect(await page.getByTestId('send-failed').count()).toBe(0);
    expect(await page.getByTestId('me-name').isVisible()).toBe(true);
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    expect(refreshes.every((status) => status === 200)).toBe(true);
    // Concurrent requests shared each renewal: about one per lifetime, never one per request.
    expect(refreshes.length).toBeLessThanOrEqual(6);
  });
});
