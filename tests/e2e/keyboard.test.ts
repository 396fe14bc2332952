import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestUser } from '../helpers/backend.js';
import { openSignedIn } from '../helpers/browser.js';
import { nextRoomPage, useCallUi } from '../helpers/call-ui.js';

/** Presses Tab (or Shift+Tab) until `target` has focus; fails when it cannot be reached. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const focused = await target
      .evaluate((el) => el === document.activeElement, undefined, { timeout: 2000 })
      .catch(() => false);
    if (focused) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reachable by keyboard: ${target}`);
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
const focusInside = (page: Page, selector: string) =>
  page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);

/**
 * Every main flow by keyboard alone (no clicks): sign up, start a chat, send, start / cancel / decline /
 * accept a call, join a live call. Dialogs take focus, keep it, close on Escape and give it back.
 */
describe('keyboard only', () => {
  const ui = useCallUi();
  let run = 0;
  const tag = () => `${++run}k${Date.now() % 100000}`;

  it('signs up (with a field error in the way), starts a chat and sends a message', async () => {
    const t = tag();
    const bob = await ui.backend.register(`kbob${t}`, `Bob ${t}`);
    const page = await ui.newPage();
    await page.goto(ui.backend.url);
    await page.getByTestId('auth-form').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Create account' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.locator('input[name="username"]'), true);
    await page.keyboard.type(`kann${t}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    // The problem is shown at its field, announced, and tied to the input.
    const password = page.locator('input[name="password"]');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#password-note').textContent()).toBe('At least 8 characters');
    expect(await page.locator('#password-note').getAttribute('role')).toBe('alert');
    await password.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('long enough password');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Ann ${t}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('me-name').textContent()).toBe(`Ann ${t}`);

    const newChat = page.getByTestId('new-chat');
    await tabTo(page, newChat);
    await page.keyboard.press('Enter');
    // Focus is in the dialog's search box; Tab and Shift+Tab never leave the dialog.
    await expect.poll(() => isFocused(page.getByTestId('user-search'))).toBe(true);
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focusInside(page, '[data-testid="new-chat-dialog"]'), key).toBe(true);
    }
    // Escape closes it and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await page.getByTestId('new-chat-dialog').waitFor({ state: 'detached' });
    // Given back once the dialog's cleanup has run (a frame after it leaves the page).
    await expect.poll(() => isFocused(newChat)).toBe(true);

    await page.keyboard.press('Enter');
    await page.keyboard.type(bob.username);
    const result = page.locator(`[data-testid="user-result"][data-username="${bob.username}"]`);
    await result.waitFor();
    await tabTo(page, result);
    await page.keyboard.press('Enter');
    // The chat opens with the cursor in the message box: type and press Enter.
    await expect.poll(() => isFocused(page.getByTestId('composer-input'))).toBe(true);
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await page.getByTestId('message').filter({ hasText: 'Typed without a mouse' }).waitFor();

    // A paste over the limit is kept whole: a counter says by how much it is over, Send waits.
    const composer = page.getByTestId('composer-input');
    await composer.fill('x'.repeat(10_250));
    expect(await page.getByTestId('char-count').textContent()).toBe(
      '10,250 / 10,000 Too long by 250 characters: shorten it to send.',
    );
    expect(await composer.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('send-button').isDisabled()).toBe(true);
    await page.keyboard.press('Enter');
    expect((await composer.inputValue()).length).toBe(10_250);
    await composer.fill('x'.repeat(9_990));
    expect(await page.getByTestId('char-count').textContent()).toBe('9,990 / 10,000 10 characters left.');
    expect(await page.getByTestId('send-button').isDisabled()).toBe(false);
  }, 120_000);

  /** Alice (with the chat open) and Bob, both signed in. */
  async function pair(): Promise<{ alicePage: Page; bobPage: Page; bob: TestUser; alice: TestUser }> {
    const t = tag();
    const alice = await ui.backend.register(`kal${t}`, `Alice ${t}`);
    const bob = await ui.backend.register(`kbo${t}`, `Bob ${t}`);
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id });
    const alicePage = await ui.newPage();
    const bobPage = await ui.newPage();
    await bobPage.emulateMedia({ reducedMotion: 'reduce' });
    await openSignedIn(alicePage, ui.backend.url, alice.token);
    await openSignedIn(bobPage, ui.backend.url, bob.token);
    const row = alicePage.locator(`[data-testid="conversation"][data-title="Bob ${t}"]`);
    await tabTo(alicePage, row);
    await alicePage.keyboard.press('Enter');
    await alicePage.locator('.chat-header [data-online="true"]').waitFor();
    return { alicePage, bobPage, alice, bob };
  }

  /** Closes the outgoing bar's outcome with its Close button, reached by Tab. */
  async function closeOutcome(alicePage: Page): Promise<void> {
    await tabTo(alicePage, alicePage.getByTestId('outgoing-close'), true);
    await alicePage.keyboard.press('Enter');
    await alicePage.getByTestId('outgoing-call').waitFor({ state: 'detached' });
  }

  async function startCall(alicePage: Page): Promise<void> {
    const callButton = alicePage.getByTestId('call-button');
    await tabTo(alicePage, callButton, true);
    await alicePage.keyboard.press('Enter');
    await alicePage.getByTestId('outgoing-call').waitFor();
  }

  it('starts a call and cancels it from the keyboard while the chat stays usable', async () => {
    const { alicePage, bobPage } = await pair();
    await startCall(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    // The outgoing bar is not modal: the message box still takes focus and text while it rings.
    await tabTo(alicePage, alicePage.getByTestId('composer-input'));
    await alicePage.keyboard.type('still typing');
    expect(await alicePage.getByTestId('composer-input').inputValue()).toBe('still typing');
    await tabTo(alicePage, alicePage.getByTestId('cancel-call'), true);
    await alicePage.keyboard.press('Enter');
    await expect.poll(() => alicePage.getByTestId('outgoing-status').textContent()).toBe('Call cancelled.');
    // The heading no longer says "Calling …" once the call is over.
    expect(await alicePage.getByTestId('outgoing-heading').textContent()).not.toMatch(/^Calling/);
    await bobPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    await closeOutcome(alicePage);
  }, 120_000);

  it('the callee hears of the call from a live region, declines and accepts by keyboard', async () => {
    const { alicePage, bobPage, alice } = await pair();
    await startCall(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    const name = alice.display_name;
    expect(await bobPage.getByTestId('call-announcer').textContent()).toBe(
      `Incoming video call: ${name} is calling you`,
    );
    // prefers-reduced-motion: the ring does not pulse.
    expect(
      await bobPage.locator('.incoming-call .pulse').evaluate((el) => getComputedStyle(el).animationName),
    ).toBe('none');
    await tabTo(bobPage, bobPage.getByTestId('decline-call'));
    await bobPage.keyboard.press('Enter');
    await expect.poll(() => alicePage.getByTestId('outgoing-status').textContent()).toContain('declined');
    await closeOutcome(alicePage);

    await startCall(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    const room = nextRoomPage(bobPage);
    await tabTo(bobPage, bobPage.getByTestId('accept-call'));
    await bobPage.keyboard.press('Enter');
    expect(new URL((await room).url()).pathname).toMatch(/^\/room\//);
  }, 120_000);
  it('a member who declined joins the live call by keyboard', async () => {
    const t = tag();
    const [alice, bob, carol] = await Promise.all(
      ['kal', 'kbo', 'kca'].map((n) => ui.backend.register(`${n}${t}`, `${n} ${t}`)),
    );
    const team = `Team ${t}`;
    await ui.backend.api(alice!.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: team,
      member_ids: [bob!.id, carol!.id],
    });
    const [alicePage, bobPage, carolPage] = await Promise.all([ui.newPage(), ui.newPage(), ui.newPage()]);
    await openSignedIn(alicePage, ui.backend.url, alice!.token);
    await openSignedIn(bobPage, ui.backend.url, bob!.token);
    await openSignedIn(carolPage, ui.backend.url, carol!.token);
    await tabTo(alicePage, alicePage.locator(`[data-testid="conversation"][data-title="${team}"]`));
    await alicePage.keyboard.press('Enter');
    await startCall(alicePage);
    await bobPage.getByTestId('incoming-call').waitFor();
    const bobRoom = nextRoomPage(bobPage);
    await tabTo(bobPage, bobPage.getByTestId('accept-call'));
    await bobPage.keyboard.press('Enter');
    await bobRoom;

    await carolPage.getByTestId('incoming-call').waitFor();
    await tabTo(carolPage, carolPage.getByTestId('decline-call'));
    await carolPage.keyboard.press('Enter');
    await carolPage.getByTestId('incoming-call').waitFor({ state: 'detached' });
    await tabTo(carolPage, carolPage.locator(`[data-testid="conversation"][data-title="${team}"]`));
    await carolPage.keyboard.press('Enter');
    const join = carolPage.getByTestId('live-call-join');
    await join.waitFor();
    const carolRoom = nextRoomPage(carolPage);
    await tabTo(carolPage, join);
    await carolPage.keyboard.press('Enter');
    expect(new URL((await carolRoom).url()).pathname).toMatch(/^\/room\//);
    await carolPage.getByTestId('live-call-return').waitFor();
  }, 150_000);
});
