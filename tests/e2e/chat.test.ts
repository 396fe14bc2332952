import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';
import {
  launchChromium,
  newUserPage,
  openSignedIn,
  requireBuiltRenderer,
  screenshot,
} from '../helpers/browser.js';

/** The chat UI in headless Chromium against the real backend: two users, two browser contexts. */
describe('chat UI', () => {
  let backend: TestBackend;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let run = 0;

  beforeAll(async () => {
    requireBuiltRenderer();
    backend = await startBackend({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    browser = await launchChromium();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await backend?.close();
  });

  async function userPage(locale?: string): Promise<Page> {
    const { context, page } = await newUserPage(browser, { locale });
    contexts.push(context);
    return page;
  }

  const names = () => {
    run++;
    return { a: `alice${run}x${Date.now() % 100000}`, b: `bob${run}x${Date.now() % 100000}` };
  };

  /** The conversation row titled `title`. */
  const row = (page: Page, title: string) =>
    page.locator(`[data-testid="conversation"][data-title="${title}"]`);

  it('A signs up, starts a chat with B and B sees it live with an unread badge', async () => {
    const n = names();
    const bob: TestUser = await backend.register(n.b, `Bob ${run}`);
    const bobPage = await userPage();
    await openSignedIn(bobPage, backend.url, bob.token);

    const alicePage = await userPage();
    await alicePage.goto(backend.url);
    await alicePage.getByTestId('auth-form').waitFor();
    await screenshot(alicePage, 'chat', '01-sign-in');
    await alicePage.getByRole('button', { name: 'Create account' }).click();
    await alicePage.locator('input[name="username"]').fill(n.a);
    await alicePage.locator('input[name="password"]').fill('correct horse battery');
    await alicePage.locator('input[name="display_name"]').fill(`Alice ${run}`);
    await alicePage.locator('form button[type="submit"]').click();
    await expect.poll(() => alicePage.getByTestId('me-name').textContent()).toBe(`Alice ${run}`);

    await alicePage.getByTestId('new-chat').click();
    await alicePage.getByTestId('user-search').fill(n.b);
    await alicePage.locator(`[data-testid="user-result"][data-username="${n.b}"]`).click();
    await alicePage.getByTestId('composer-input').fill('Hello Bob, 你好!');
    await alicePage.getByTestId('composer-input').press('Enter');

    // Bob did not have this conversation yet: it appears, unread, with the message as its preview.
    const bobRow = row(bobPage, `Alice ${run}`);
    await bobRow.waitFor();
    await expect.poll(() => bobRow.getByTestId('unread-badge').textContent()).toBe('1');
    expect(await bobRow.locator('.preview').textContent()).toBe('Hello Bob, 你好!');
    // Alice is online: Bob sees her presence dot lit.
    await bobRow.locator('[data-online="true"]').waitFor();
    await screenshot(bobPage, 'chat', '02-list-unread');

    await bobRow.click();
    await bobPage.getByTestId('message').filter({ hasText: 'Hello Bob, 你好!' }).waitFor();
    await bobRow.getByTestId('unread-badge').waitFor({ state: 'detached' });
    // Marked read on the server too: a fresh list has no unread messages.
    const list = await backend.call(bob.token, 'GET /conversations');
    expect(list.body[0]?.unread_count).toBe(0);

    await bobPage.getByTestId('composer-input').fill('Hi Alice');
    await bobPage.getByTestId('send-button').click();
    await alicePage.getByTestId('message').filter({ hasText: 'Hi Alice' }).waitFor();
    expect(await alicePage.getByTestId('chat-subtitle').textContent()).toBe('Online');
    await screenshot(alicePage, 'chat', '03-conversation');
  });

  it('pages in older history and keeps the newest in view', async () => {
    const n = names();
    const alice = await backend.register(n.a, `Alice ${run}`);
    const bob = await backend.register(n.b, `Bob ${run}`);
    const conv = await backend.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    for (let i = 1; i <= 45; i++) {
      await backend.api(
        i % 2 ? alice.token : bob.token,
        'POST',
        `/api/v1/conversations/${conv.body.id}/messages`,
        {
          body: `message number ${i}`,
        },
      );
    }
    const page = await userPage();
    await openSignedIn(page, backend.url, alice.token);
    await row(page, `Bob ${run}`).click();
    await page.getByTestId('message').filter({ hasText: 'message number 45' }).waitFor();
    expect(await page.getByTestId('message').count()).toBe(30);
    // Scrolling up to the top loads the older page (a click on "Load earlier" would race that load:
    // Playwright scrolls the button into view first, which already fetches and removes it).
    await page.getByTestId('messages').evaluate((el) => {
      el.scrollTop = 0;
    });
    // Counted, not searched: "message number 1" is also a prefix of 10–19, which the first page shows.
    await expect.poll(() => page.getByTestId('message').count()).toBe(45);
    expect(await page.getByTestId('load-older').count()).toBe(0);
  });

  it('keeps a message typed while offline, shows reconnecting, and delivers it exactly once', async () => {
    const n = names();
    const alice = await backend.register(n.a, `Alice ${run}`);
    const bob = await backend.register(n.b, `Bob ${run}`);
    await backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id });
    const alicePage = await userPage();
    await openSignedIn(alicePage, backend.url, alice.token);
    const bobPage = await userPage();
    await openSignedIn(bobPage, backend.url, bob.token);
    await row(alicePage, `Bob ${run}`).click();

    await alicePage.context().setOffline(true);
    await alicePage.getByTestId('connection-banner').waitFor();
    await alicePage.getByTestId('composer-input').fill('sent through a tunnel');
    await alicePage.getByTestId('composer-input').press('Enter');
    await alicePage.getByTestId('send-failed').waitFor();
    await screenshot(alicePage, 'chat', '04-offline-failed-send');

    await alicePage.context().setOffline(false);
    await alicePage.getByTestId('connection-banner').waitFor({ state: 'detached' });
    // Retried on reconnect (or by hand, if it has not been already): it arrives once.
    const retry = alicePage.getByTestId('send-failed').getByRole('button', { name: 'Retry' });
    if (await retry.count()) await retry.click().catch(() => {});
    await alicePage.getByTestId('message').filter({ hasText: 'sent through a tunnel' }).waitFor();
    await row(bobPage, `Alice ${run}`).click();
    await bobPage.getByTestId('message').filter({ hasText: 'sent through a tunnel' }).waitFor();
    expect(await bobPage.getByTestId('message').filter({ hasText: 'sent through a tunnel' }).count()).toBe(1);
    expect(await alicePage.getByTestId('pending-message').count()).toBe(0);
  });

  it('creates a group with a title and members', async () => {
    const n = names();
    const alice = await backend.register(n.a, `Alice ${run}`);
    const bob = await backend.register(n.b, `Bob ${run}`);
    const carol = await backend.register(`carol${run}x${Date.now() % 100000}`, `Carol ${run}`);
    const page = await userPage();
    await openSignedIn(page, backend.url, alice.token);
    await page.getByTestId('new-chat').click();
    await page.getByTestId('group-tab').click();
    await page.getByTestId('group-title').fill('Weekend trip');
    for (const user of [bob, carol]) {
      await page.getByTestId('user-search').fill(user.username);
      await page.locator(`[data-testid="user-result"][data-username="${user.username}"]`).click();
    }
    await page.getByTestId('create-group').click();
    await expect.poll(() => page.getByTestId('chat-title').textContent()).toBe('Weekend trip');
    // The header names the members (me as "You") and counts them; the group has a group avatar.
    expect(await page.getByTestId('chat-subtitle').textContent()).toBe(
      `You, Bob ${run}, Carol ${run} · 3 members`,
    );
    await page.locator('.chat-header [data-testid="group-avatar"]').waitFor();
    const groups = await backend.call(carol.token, 'GET /conversations');
    expect(groups.body.map((c) => c.title)).toContain('Weekend trip');
  });

  it('speaks Chinese when the system language is zh-CN', async () => {
    const n = names();
    const page = await userPage('zh-CN');
    await page.goto(backend.url);
    await page.getByTestId('auth-form').waitFor();
    expect(await page.locator('h1').textContent()).toBe('和平信使');
    expect(await page.locator('form button[type="submit"]').textContent()).toBe('登录');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'chat', '05-zh-CN-sign-in');

    const alice = await backend.register(n.a, `爱丽丝 ${run}`);
    const bob = await backend.register(n.b, `鲍勃 ${run}`);
    const conv = await backend.api(bob.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: alice.id,
    });
    await backend.api(bob.token, 'POST', `/api/v1/conversations/${conv.body.id}/messages`, {
      body: '晚上好',
    });
    const zhPage = await userPage('zh-CN');
    await openSignedIn(zhPage, backend.url, alice.token);
    await row(zhPage, `鲍勃 ${run}`).click();
    await zhPage.getByTestId('message').filter({ hasText: '晚上好' }).waitFor();
    expect(await zhPage.getByTestId('new-chat').textContent()).toContain('发起聊天');
    expect(await zhPage.getByTestId('chat-subtitle').textContent()).toBe('离线');
    await screenshot(zhPage, 'chat', '06-zh-CN-conversation');
  });
});
