import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';
import {
  launchChromium,
  newUserPage,
  openSignedIn,
  requireBuiltRenderer,
  screenshot,
} from '../helpers/browser.js';

interface Recorded {
  title: string;
  body?: string;
  tag?: string;
  closed: boolean;
}

/**
 * The observation point: the page's Web Notifications API, replaced before any app code runs by one that
 * grants permission and records what the (real) app asks it to show. Everything else is the real app.
 */
function recordNotifications(): void {
  const shown: Recorded[] = [];
  const instances: { onclick: (() => void) | null }[] = [];
  class RecordingNotification {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
    onclick: (() => void) | null = null;
    readonly #record: Recorded;
    constructor(title: string, options: NotificationOptions = {}) {
      this.#record = { title, body: options.body, tag: options.tag, closed: false };
      shown.push(this.#record);
      instances.push(this);
    }
    close() {
      this.#record.closed = true;
    }
  }
  Object.assign(window, { Notification: RecordingNotification, __shown: shown, __instances: instances });
}

const shownIn = (page: Page) => page.evaluate(() => (window as unknown as { __shown: Recorded[] }).__shown);

describe('message notifications and mute, in Chromium with two users', () => {
  let backend: TestBackend;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let alice: TestUser;
  let bob: TestUser;
  let direct: string;
  let group: string;
  let bobPage: Page;

  beforeAll(async () => {
    requireBuiltRenderer();
    backend = await startBackend({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    browser = await launchChromium();
    alice = await backend.register('alice', 'Alice');
    bob = await backend.register('bob', 'Bob');
    direct = (
      await backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
    group = (
      await backend.api(alice.token, 'POST', '/api/v1/conversations', {
        type: 'group',
        title: 'Team',
        member_ids: [bob.id],
      })
    ).body.id;
    bobPage = await userPage();
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await backend?.close();
  });

  async function userPage(locale?: string): Promise<Page> {
    const { context, page } = await newUserPage(browser, { locale });
    contexts.push(context);
    await page.addInitScript(recordNotifications);
    await openSignedIn(page, backend.url, bob.token);
    return page;
  }

  const say = (who: TestUser, conversationId: string, body: string) =>
    backend.api(who.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, { body });
  const row = (page: Page, id: string) => page.locator(`[data-testid="conversation"][data-id="${id}"]`);

  it('notifies of a message in a chat that is not open, with sender and preview; one per conversation', async () => {
    await say(alice, direct, 'Lunch at noon?');
    await expect.poll(() => shownIn(bobPage)).toHaveLength(1);
    expect((await shownIn(bobPage))[0]).toMatchObject({
      title: 'Alice',
      body: 'Lunch at noon?',
      tag: `conversation-${direct}`,
    });
    await say(alice, direct, 'Or one o’clock?');
    await expect.poll(() => shownIn(bobPage)).toHaveLength(2);
    // The same tag: the browser replaces the first instead of stacking a second.
    const [first, second] = await shownIn(bobPage);
    expect(second).toMatchObject({ body: 'Or one o’clock?', tag: first?.tag });
    expect(first?.closed).toBe(true);
  });

  it('a click opens that conversation', async () => {
    await bobPage.evaluate(() =>
      (window as unknown as { __instances: { onclick: () => void }[] }).__instances.at(-1)?.onclick(),
    );
    await expect.poll(() => bobPage.getByTestId('chat-title').textContent()).toBe('Alice');
  });

  it('a group message names the group; hidden previews say only "New message"', async () => {
    await say(alice, group, 'Stand-up moved');
    await expect.poll(async () => (await shownIn(bobPage)).at(-1)?.title).toBe('Alice in Team');
    await bobPage.getByTestId('notify-settings').click();
    await screenshot(bobPage, 'notifications', 'notify-settings-en');
    await bobPage.getByTestId('notify-showPreviews').uncheck();
    await bobPage.keyboard.press('Escape');
    const before = (await shownIn(bobPage)).length;
    await say(alice, group, 'secret plans');
    await expect.poll(() => shownIn(bobPage)).toHaveLength(before + 1);
    expect((await shownIn(bobPage)).at(-1)).toMatchObject({ title: 'Alice in Team', body: 'New message' });
    await bobPage.getByTestId('notify-settings').click();
    await bobPage.getByTestId('notify-showPreviews').check();
    await bobPage.keyboard.press('Escape');
  });

  it("never for Bob's own messages sent from another device", async () => {
    const before = (await shownIn(bobPage)).length;
    await say(bob, group, 'sent from my phone');
    await expect.poll(() => row(bobPage, group).textContent()).toContain('sent from my phone');
    // The list already shows it, so the notifier has seen it too: still nothing new.
    expect(await shownIn(bobPage)).toHaveLength(before);
  });

  it('mute silences a conversation, greys its badge and reaches the other device live', async () => {
    const otherDevice = await userPage();
    // Bob is in the direct chat; he mutes it for an hour, then opens the group.
    await bobPage.getByTestId('mute-button').click();
    await screenshot(bobPage, 'notifications', 'mute-menu-en');
    await bobPage.getByTestId('mute-60').click();
    await expect.poll(() => row(otherDevice, direct).getByTestId('muted-marker').count()).toBe(1);
    await row(bobPage, group).click();
    const before = (await shownIn(bobPage)).length;
    await say(alice, direct, 'are you there?');
    const badge = row(bobPage, direct).getByTestId('unread-badge');
    await expect.poll(() => badge.getAttribute('data-muted')).toBe('true');
    await screenshot(bobPage, 'notifications', 'muted-badge-en');
    expect(await shownIn(bobPage)).toHaveLength(before);
    expect(await shownIn(otherDevice)).toHaveLength(0);
    // Unmuted on the other device: notifications come back here.
    await row(otherDevice, direct).click();
    await otherDevice.getByTestId('mute-button').click();
    expect(await otherDevice.getByTestId('mute-status').textContent()).toMatch(/^Muted until /);
    await screenshot(otherDevice, 'notifications', 'mute-menu-muted-en');
    await otherDevice.getByTestId('unmute').click();
    await expect.poll(() => row(bobPage, direct).getByTestId('muted-marker').count()).toBe(0);
    await say(alice, direct, 'now?');
    await expect.poll(() => shownIn(bobPage)).toHaveLength(before + 1);
    // Gone, so it no longer reads the direct chat's new messages as they arrive.
    await otherDevice.context().close();
  });

  it('do-not-disturb silences every notification', async () => {
    await bobPage.getByTestId('notify-settings').click();
    await bobPage.getByTestId('notify-doNotDisturb').check();
    await bobPage.keyboard.press('Escape');
    const before = (await shownIn(bobPage)).length;
    await say(alice, direct, 'quiet please');
    await expect.poll(() => row(bobPage, direct).textContent()).toContain('quiet please');
    expect(await shownIn(bobPage)).toHaveLength(before);
  });

  it('the mute menu and the muted badge in Chinese', async () => {
    await backend.api(bob.token, 'PUT', `/api/v1/conversations/${direct}/mute`, {});
    await say(alice, direct, '你好');
    const page = await userPage('zh-CN');
    await row(page, group).click();
    await page.getByTestId('mute-button').click();
    await expect.poll(() => page.getByTestId('mute-button-panel').textContent()).toContain('8 小时');
    await screenshot(page, 'notifications', 'mute-menu-zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => row(page, direct).getByTestId('unread-badge').getAttribute('data-muted'))
      .toBe('true');
    await screenshot(page, 'notifications', 'muted-badge-zh-CN');
    await page.getByTestId('notify-settings').click();
    await screenshot(page, 'notifications', 'notify-settings-zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // On a phone-width screen the menu spans the width instead of running off the edge.
    await page.setViewportSize({ width: 360, height: 720 });
    await page.getByTestId('mute-button').click();
    const panel = await page.getByTestId('mute-button-panel').boundingBox();
    expect(panel?.x).toBeGreaterThanOrEqual(0);
    expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(360);
    await screenshot(page, 'notifications', 'mute-menu-zh-CN-360');
  });
});
