import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestUser } from '../helpers/backend.js';
import { decodeJwt, jwtOfRoomUrl, openSignedIn, screenshot } from '../helpers/browser.js';
import { nextRoomPage, useCallUi } from '../helpers/call-ui.js';

/**
 * Video calls through the chat UI: A presses the call button, B's incoming-call view rings, and the
 * answers reach everyone, in headless Chromium against the real backend and a stand-in Jitsi.
 */
// Two or three users, each a browser context, on a shared 2-core machine: generous per-test time.
describe('call UI', { timeout: 120_000 }, () => {
  const ui = useCallUi();
  let run = 0;

  /** A signed-in chat page of `user` in a fresh context (one device). */
  async function device(user: TestUser, locale?: string): Promise<Page> {
    const page = await ui.newPage({ locale });
    await openSignedIn(page, ui.backend.url, user.token);
    return page;
  }

  /** Alice and Bob with a direct conversation; Alice's page has it open. */
  async function pair(): Promise<{ alice: TestUser; bob: TestUser; alicePage: Page; bobPage: Page }> {
    run++;
    const tag = `${run}x${Date.now() % 100000}`;
    const alice = await ui.backend.register(`alice${tag}`, `Alice ${run}`);
    const bob = await ui.backend.register(`bob${tag}`, `Bob ${run}`);
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id });
    const alicePage = await device(alice);
    const bobPage = await device(bob);
    await alicePage.locator(`[data-testid="conversation"][data-title="Bob ${run}"]`).click();
    // Bob's device must be online before the call, as a phone would be.
    await alicePage.locator('.chat-header [data-online="true"]').waitFor();
    return { alice, bob, alicePage, bobPage };
  }

  /** Presses the call button; resolves with the caller's room page once it opens. */
  async function call(alicePage: Page): Promise<Page> {
    const roomPage = nextRoomPage(alicePage);
    await alicePage.getByTestId('call-button').click();
    return roomPage;
  }

  const status = (page: Page) => page.getByTestId('outgoing-status').textContent();
  const ringing = (page: Page) => page.evaluate(() => document.documentElement.dataset.ringing === 'true');

  it('opens the call window with the click itself, not once the room is known', async () => {
    const { alicePage } = await pair();
    // Pop-up blockers refuse a window opened more than a few seconds after the click; on a slow server the
    // room is known later than that. So the window must exist before the room is even asked for.
    let windowsWhenAskingForRoom = 0;
    await alicePage.route('**/api/v1/rooms/create', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      windowsWhenAskingForRoom = alicePage.context().pages().length;
      await route.continue();
    });
    const aliceRoom = await call(alicePage);
    expect(windowsWhenAskingForRoom).toBe(2);
    expect(aliceRoom.url()).toContain('/room/');
  });

  it('A calls B, B accepts, and both open the same room with their own token', async () => {
    const { alice, bob, alicePage, bobPage } = await pair();
    const aliceRoom = await call(alicePage);
    await expect.poll(() => status(alicePage)).toBe('Ringing…');
    await bobPage.getByTestId('incoming-call').waitFor();
    expect(await bobPage.getByTestId('incoming-caller').textContent()).toBe(`Alice ${run} is calling you`);
    expect(await ringing(bobPage)).toBe(true);
    await screenshot(alicePage, 'call', '01-outgoing-ringing');
    await screenshot(bobPage, 'call', '02-incoming');

    const bobRoom = nextRoomPage(bobPage);
    await bobPage.getByTestId('accept-call').click();
    const bobRoomPage = await bobRoom;
    await bobPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    expect(await ringing(bobPage)).toBe(false);
    await alicePage.getByTestId('outgoing-call').waitFor({ state: 'detached' });

    const aliceClaims = decodeJwt(jwtOfRoomUrl(aliceRoom.url()));
    const bobClaims = decodeJwt(jwtOfRoomUrl(bobRoomPage.url()));
    expect(new URL(aliceRoom.url()).pathname).toBe(`/room/${aliceClaims.room}`);
    expect(bobClaims.room).toBe(aliceClaims.room);
    expect(aliceClaims.context.user.id).toBe(alice.id);
    expect(bobClaims.context.user.id).toBe(bob.id);
    expect(aliceClaims.context.user.moderator).toBe(true);
    expect(bobClaims.context.user.moderator).toBe(false);
  });

  it('B declines: A reads "declined", both timelines record it', async () => {
    const { alicePage, bobPage } = await pair();
    const aliceRoom = await call(alicePage);
    await bobPage.getByTestId('decline-call').click();
    await expect.poll(() => status(alicePage)).toBe(`Bob ${run} declined the call.`);
    await screenshot(alicePage, 'call', '03-declined');
    expect(await ringing(bobPage)).toBe(false);
    // The caller's room page closes: there is no call to wait in.
    await expect.poll(() => aliceRoom.isClosed()).toBe(true);
    await alicePage.locator('[data-testid="call-entry"][data-outcome="declined"]').waitFor();
    expect(await alicePage.getByTestId('call-entry').textContent()).toContain('Video call declined');
    await bobPage.locator(`[data-testid="conversation"][data-title="Alice ${run}"]`).click();
    await bobPage.locator('[data-testid="call-entry"][data-outcome="declined"]').waitFor();
    expect(await bobPage.getByTestId('call-entry').textContent()).toContain('You declined a video call');
  });

  it('A cancels: B stops ringing and the call is recorded as cancelled', async () => {
    const { alicePage, bobPage } = await pair();
    await call(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    await alicePage.getByTestId('cancel-call').click();
    await expect.poll(() => status(alicePage)).toBe('Call cancelled.');
    await bobPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    expect(await ringing(bobPage)).toBe(false);
    await bobPage.locator(`[data-testid="conversation"][data-title="Alice ${run}"]`).click();
    await bobPage.locator('[data-testid="call-entry"][data-outcome="cancelled"]').waitFor();
    expect(await bobPage.getByTestId('call-entry').textContent()).toContain('Missed video call (cancelled)');
  });

  it('B on two devices: one accepts, the other stops ringing', async () => {
    const { bob, alicePage, bobPage } = await pair();
    const bobPhone = await device(bob);
    await call(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    await bobPhone.getByTestId('incoming-call').waitFor();
    expect(await ringing(bobPhone)).toBe(true);

    const bobRoom = nextRoomPage(bobPage);
    await bobPage.getByTestId('accept-call').click();
    await bobRoom;
    await bobPhone.getByTestId('incoming-call').waitFor({ state: 'detached' });
    expect(await ringing(bobPhone)).toBe(false);
    // The other device opened no room of its own.
    expect(bobPhone.context().pages()).toHaveLength(1);
  });

  it('rings every member of a group; one accepting leaves the others ringing until they answer', {
    timeout: 120_000,
  }, async () => {
    run++;
    const tag = `${run}x${Date.now() % 100000}`;
    const [alice, bob, carol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((name) => ui.backend.register(`${name}${tag}`, `${name} ${run}`)),
    );
    await ui.backend.api(alice!.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: `Team ${run}`,
      member_ids: [bob!.id, carol!.id],
    });
    const alicePage = await device(alice!);
    const bobPage = await device(bob!);
    const carolPage = await device(carol!);
    await alicePage.locator(`[data-testid="conversation"][data-title="Team ${run}"]`).click();
    await call(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    await carolPage.getByTestId('incoming-call').waitFor();
    expect(await carolPage.getByTestId('incoming-call').textContent()).toContain(`in Team ${run}`);

    const bobRoom = nextRoomPage(bobPage);
    await bobPage.getByTestId('accept-call').click();
    await bobRoom;
    await alicePage.getByTestId('outgoing-call').waitFor({ state: 'detached' });
    // The call is on, but Carol has not answered: her phone still rings.
    expect(await carolPage.getByTestId('incoming-call').count()).toBe(1);
    expect(await ringing(carolPage)).toBe(true);
    await carolPage.getByTestId('decline-call').click();
    await carolPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    expect(await ringing(carolPage)).toBe(false);
  });

  it('shows the incoming call in Chinese for a zh-CN system', async () => {
    const { bob, alicePage } = await pair();
    const bobZh = await device(bob, 'zh-CN');
    await call(alicePage);
    await bobZh.getByTestId('incoming-call').waitFor();
    expect(await bobZh.getByTestId('incoming-caller').textContent()).toBe(`Alice ${run} 邀请你视频通话`);
    expect(await bobZh.getByTestId('accept-call').textContent()).toBe('接听');
    await screenshot(bobZh, 'call', '04-incoming-zh-CN');
    await bobZh.getByTestId('decline-call').click();
  });
});
