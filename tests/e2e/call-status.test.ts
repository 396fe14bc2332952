import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestUser } from '../helpers/backend.js';
import { decodeJwt, jwtOfRoomUrl, openSignedIn, screenshot } from '../helpers/browser.js';
import { nextRoomPage, useCallUi } from '../helpers/call-ui.js';

/**
 * Call status in the chat UI, with three users in three browser contexts against the real backend:
 * the live-call bar (join, return, hang up), state after a reload or on a second device, busy
 * members of a group, one call at a time, and new conversations appearing at once.
 */
// Several users in their own contexts on a shared 2-core machine: generous per-test time.
describe('call status UI', { timeout: 150_000 }, () => {
  const ui = useCallUi();
  let run = 0;

  async function device(user: TestUser, locale?: string): Promise<Page> {
    const page = await ui.newPage({ locale });
    await openSignedIn(page, ui.backend.url, user.token);
    return page;
  }

  async function users(...names: string[]): Promise<TestUser[]> {
    run++;
    const tag = `${run}x${Date.now() % 100000}`;
    return Promise.all(names.map((n) => ui.backend.register(`${n}${tag}`, `${n} ${run}`)));
  }

  const open = (page: Page, title: string) =>
    page.locator(`[data-testid="conversation"][data-title="${title}"]`).click();
  const bar = (page: Page) => page.getByTestId('live-call-bar');
  const people = (page: Page) => page.getByTestId('live-call-people').textContent();

  /** Alice calls the open conversation; resolves with her room page. */
  async function call(page: Page): Promise<Page> {
    const room = nextRoomPage(page);
    await page.getByTestId('call-button').click();
    return room;
  }

  /** A direct conversation of Alice and Bob, Alice's page on it, Bob's online; Bob has accepted her call. */
  async function directCall() {
    const [alice, bob] = await users('Alice', 'Bob');
    await ui.backend.api(alice!.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob!.id });
    const alicePage = await device(alice!);
    const bobPage = await device(bob!);
    await open(alicePage, bob!.display_name);
    await alicePage.locator('.chat-header [data-online="true"]').waitFor();
    const aliceRoom = await call(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    const bobRoom = nextRoomPage(bobPage);
    await bobPage.getByTestId('accept-call').click();
    return { alice: alice!, bob: bob!, alicePage, bobPage, aliceRoom, bobRoom: await bobRoom };
  }

  it('Carol declines, then sees the bar and joins the live call with her own token', async () => {
    const [alice, bob, carol] = await users('Alice', 'Bob', 'Carol');
    const team = `Team ${run}`;
    await ui.backend.api(alice!.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: team,
      member_ids: [bob!.id, carol!.id],
    });
    const [alicePage, bobPage, carolPage] = await Promise.all([device(alice!), device(bob!), device(carol!)]);
    await open(alicePage, team);
    const aliceRoom = await call(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    await carolPage.getByTestId('incoming-call').waitFor();
    const bobRoom = nextRoomPage(bobPage);
    await bobPage.getByTestId('accept-call').click();
    await bobRoom;
    await carolPage.getByTestId('decline-call').click();
    await carolPage.getByTestId('incoming-call').waitFor({ state: 'detached' });

    // The call goes on without her: the list marks the group and the open chat has the bar.
    await carolPage
      .locator(`[data-testid="conversation"][data-title="${team}"] [data-testid="live-call-marker"]`)
      .waitFor();
    await open(carolPage, team);
    await bar(carolPage).waitFor();
    expect(await people(carolPage)).toBe(`Alice ${run}, Bob ${run}`);
    await carolPage.getByTestId('live-call-duration').waitFor();
    await screenshot(carolPage, 'call-status', '01-live-call-bar-en');

    const carolRoom = nextRoomPage(carolPage);
    await carolPage.getByTestId('live-call-join').click();
    const claims = decodeJwt(jwtOfRoomUrl((await carolRoom).url()));
    expect(claims.context.user.id).toBe(carol!.id);
    expect(claims.room).toBe(decodeJwt(jwtOfRoomUrl(aliceRoom.url())).room);
    // Now she is in it: Return to call and Hang up, and everyone sees her in it.
    await carolPage.getByTestId('live-call-return').waitFor();
    await open(alicePage, team);
    await expect.poll(() => people(alicePage)).toBe(`You, Bob ${run}, Carol ${run}`);
    await screenshot(carolPage, 'call-status', '02-in-call-bar-en');
    await carolPage.setViewportSize({ width: 420, height: 720 });
    await screenshot(carolPage, 'call-status', '06-in-call-bar-narrow-en');
  });

  it('Alice presses call in a chat whose call is live: she returns to it, nothing rings, no busy entry', async () => {
    const { alicePage, bobPage } = await directCall();
    await bar(alicePage).waitFor();
    await alicePage.getByTestId('live-call-return').waitFor();
    const joined = alicePage.waitForResponse((r) => r.url().includes('/join'));
    await alicePage.getByTestId('call-button').click();
    expect((await joined).status()).toBe(200);
    // Her open call window was brought to the front: no second window, no new ring for Bob.
    expect(alicePage.context().pages()).toHaveLength(2);
    expect(await bobPage.getByTestId('incoming-call').count()).toBe(0);
    // A message after it: anything the press had posted would be in the timeline before it.
    await alicePage.getByTestId('composer-input').fill('still here');
    await alicePage.getByTestId('composer-input').press('Enter');
    await alicePage.getByTestId('message').getByText('still here').waitFor();
    expect(await alicePage.getByTestId('call-entry').count()).toBe(0);
    await alicePage.getByTestId('outgoing-call').waitFor({ state: 'detached' });
  });

  it('Alice reloads mid-ring and still cancels; Bob stops ringing', async () => {
    const [alice, bob] = await users('Alice', 'Bob');
    await ui.backend.api(alice!.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob!.id });
    const alicePage = await device(alice!);
    const bobPage = await device(bob!);
    await open(alicePage, bob!.display_name);
    await call(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    // The outgoing bar never blocks the chat: she can type while it rings.
    await alicePage.getByTestId('composer-input').click();
    await alicePage.getByTestId('composer-input').fill('typing while it rings');

    await alicePage.reload();
    await alicePage.locator('[data-testid="outgoing-call"][data-phase="ringing"]').waitFor();
    expect(await alicePage.getByTestId('outgoing-status').textContent()).toBe('Ringing…');
    await alicePage.getByTestId('cancel-call').click();
    await bobPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    await expect.poll(() => alicePage.getByTestId('outgoing-status').textContent()).toBe('Call cancelled.');
    await open(alicePage, bob!.display_name);
    await alicePage.locator('[data-testid="call-entry"][data-outcome="cancelled"]').waitFor();
  });

  it("Bob's second device opened mid-call shows the bar (in Chinese on a zh-CN system)", async () => {
    const { alice, bob, bobPage } = await directCall();
    await bobPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    const phone = await device(bob, 'zh-CN');
    await open(phone, alice.display_name);
    await bar(phone).waitFor();
    expect(await phone.getByTestId('live-call-return').textContent()).toBe('回到通话');
    expect(await phone.getByTestId('live-call-hangup').textContent()).toBe('挂断');
    expect(await people(phone)).toBe(`Alice ${run}、我`);
    await phone.getByTestId('live-call-duration').waitFor();
    await screenshot(phone, 'call-status', '03-live-call-bar-zh-CN');
  });

  it('one call at a time: calling a group from a call asks first; a member in another call is busy, the rest ring', async () => {
    const { alice, bob, alicePage, aliceRoom } = await directCall();
    const [carol] = await users('Carol');
    const team = `Team ${alice.display_name}`;
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: team,
      member_ids: [bob.id, carol!.id],
    });
    const carolPage = await device(carol!);
    await open(alicePage, team);
    await alicePage.getByTestId('call-button').click();
    await alicePage.getByTestId('switch-call-dialog').waitFor();
    await screenshot(alicePage, 'call-status', '04-switch-call-en');
    const groupRoom = nextRoomPage(alicePage);
    await alicePage.getByTestId('switch-call-confirm').click();
    // The first call's window closes before the second opens; Bob is in his call still, so busy.
    await expect.poll(() => aliceRoom.isClosed()).toBe(true);
    await groupRoom;
    await carolPage.getByTestId('incoming-call').waitFor();
    await expect
      .poll(() => alicePage.getByTestId('outgoing-busy').textContent())
      .toBe(`Busy in another call: ${bob.display_name}`);
    await screenshot(alicePage, 'call-status', '05-outgoing-busy-member-en');
    await carolPage.getByTestId('decline-call').click();
    await alicePage.locator('[data-testid="call-entry"][data-outcome="declined"]').waitFor();
    // Only the real outcome is in the group: no "busy" entry.
    expect(await alicePage.locator('[data-testid="call-entry"][data-outcome="busy"]').count()).toBe(0);
  });

  it('a new group appears for Carol at once, before any message, with presence', async () => {
    const [alice, bob, carol] = await users('Alice', 'Bob', 'Carol');
    const carolPage = await device(carol!);
    const alicePage = await device(alice!);
    await alicePage.getByTestId('new-chat').click();
    await alicePage.getByTestId('group-tab').click();
    await alicePage.getByTestId('group-title').fill(`Fresh ${run}`);
    for (const name of [bob!.username, carol!.username]) {
      await alicePage.getByTestId('user-search').fill(name);
      await alicePage.locator(`[data-testid="user-result"][data-username="${name}"]`).click();
    }
    await alicePage.getByTestId('create-group').click();
    await carolPage.locator(`[data-testid="conversation"][data-title="Fresh ${run}"]`).waitFor();
    // A new 1:1 with Alice shows her online at once.
    await alicePage.getByTestId('new-chat').click();
    await alicePage.getByTestId('user-search').fill(carol!.username);
    const result = alicePage.locator(`[data-testid="user-result"][data-username="${carol!.username}"]`);
    await result.locator('[data-online="true"]').waitFor();
    await result.click();
    await carolPage
      .locator(`[data-testid="conversation"][data-title="Alice ${run}"] [data-online="true"]`)
      .waitFor();
  });
});
