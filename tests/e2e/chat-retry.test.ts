import { describe, expect, it } from 'vitest';
import { openSignedIn } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

/**
 * The client's `client_id` on send, held for real: the request reaches the server and is stored, but the
 * answer is lost with the connection. The app shows the message as failed, retries it when it is back
 * online, and the conversation holds it once.
 */
describe('a send whose answer is lost', () => {
  // The shared browser + backend fixture: pages in fresh contexts, closed after each test.
  const ui = useCallUi();

  it('is retried on reconnect and stored exactly once', async () => {
    const tag = Date.now() % 100000;
    const alice = await ui.backend.register(`alice${tag}`, 'Alice');
    const bob = await ui.backend.register(`bob${tag}`, 'Bob');
    const conversation = (
      await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body;
    const page = await ui.newPage();
    await openSignedIn(page, ui.backend.url, alice.token);
    await page.locator('[data-testid="conversation"][data-title="Bob"]').click();

    let posts = 0;
    await page.route('**/api/v1/conversations/*/messages', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts++;
      if (posts > 1) return route.continue();
      // The connection dies while the request is at the server: the socket with it, so the message_new
      // the server sends cannot tell the page either. Then the stored message's answer is dropped.
      await page.context().setOffline(true);
      await route.fetch();
      await route.abort('connectionreset');
    });

    await page.getByTestId('composer-input').fill('one and only');
    await page.getByTestId('composer-input').press('Enter');
    await page.getByTestId('send-failed').waitFor();
    const stored = async () =>
      (
        await ui.backend.call(alice.token, 'GET /conversations/:id/messages', {
          params: { id: conversation.id },
          query: { limit: 50 },
        })
      ).body.filter((m) => m.body === 'one and only');
    expect(await stored()).toHaveLength(1);

    await page.context().setOffline(false);
    // The app retries failed sends on reconnect; the retry's answer replaces the pending entry.
    await page.getByTestId('pending-message').waitFor({ state: 'detached' });
    expect(posts).toBe(2);
    expect(await stored()).toHaveLength(1);
    expect(await page.getByTestId('message').filter({ hasText: 'one and only' }).count()).toBe(1);
  });
});
