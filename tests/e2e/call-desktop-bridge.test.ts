import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DesktopBridge } from '../../contract/desktop-bridge.js';
import type { TestUser } from '../helpers/backend.js';
import { decodeJwt, jwtOfRoomUrl, openSignedIn } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

/**
 * A recording stand-in for the Electron preload's `window.peaceDesktop` (the binary cannot run here): it
 * keeps every call the renderer makes and lets the test fire the bridge's events. Typed as the contract's
 * DesktopBridge, so a change to the bridge fails the type check here too, not only in preload/.
 */
function installFakeBridge(token: string): void {
  const log: { method: string; args: unknown[] }[] = [];
  const listeners: Record<string, ((value: never) => void)[]> = {};
  const record =
    <R = undefined>(method: string, result?: R) =>
    async (...args: unknown[]): Promise<R> => {
      log.push({ method, args });
      return result as R;
    };
  const on = (name: string) => (listener: (value: never) => void) => {
    listeners[name] = [...(listeners[name] ?? []), listener];
    return () => {};
  };
  let saved: string | null = token;
  (window as unknown as { __bridge: unknown }).__bridge = {
    log,
    fire: (name: string, value: unknown) => {
      for (const listener of listeners[name] ?? []) listener(value as never);
    },
  };
  const bridge: DesktopBridge = {
    platform: 'linux',
    getConfig: async () => ({ serverUrl: location.origin, language: 'en' }),
    openCallWindow: record('openCallWindow', { ok: true } as const),
    closeCallWindow: record('closeCallWindow'),
    showIncomingCall: record('showIncomingCall'),
    dismissIncomingCall: record('dismissIncomingCall'),
    onIncomingCallAction: on('incomingAction'),
    onCallWindowClosed: on('callWindowClosed'),
    onDeepLink: on('deepLink'),
    setTrayState: record('setTrayState'),
    showMessageNotification: record('showMessageNotification'),
    dismissMessageNotification: record('dismissMessageNotification'),
    onOpenConversation: on('openConversation'),
    getSessionToken: async () => saved,
    setSessionToken: async (value: string | null) => {
      saved = value;
      log.push({ method: 'setSessionToken', args: [value === null ? null : 'token'] });
    },
    reportCallEnded: record('reportCallEnded'),
  };
  window.peaceDesktop = bridge;
}

// Two users, a call window and a bridge stand-in on a shared 2-core machine: generous per-test time.
describe('chat UI in the desktop app (preload bridge present)', { timeout: 120_000 }, () => {
  const ui = useCallUi();

  async function desktopPage(user: TestUser): Promise<Page> {
    const page = await ui.newPage();
    await page.addInitScript(installFakeBridge, user.token);
    await page.goto(ui.backend.url);
    await page.getByTestId('me-name').waitFor();
    return page;
  }

  const calls = (page: Page, method: string): Promise<unknown[][]> =>
    page.evaluate(
      (m) => (window as any).__bridge.log.filter((e: any) => e.method === m).map((e: any) => e.args),
      method,
    );

  it('rings through the bridge, answers from its popup, opens the call window, and leaves when it closes', async () => {
    const alice = await ui.backend.register('alice_desk', 'Alice');
    const bob = await ui.backend.register('bob_desk', 'Bob');
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id });
    const bobPage = await desktopPage(bob);
    const alicePage = await ui.newPage();
    await openSignedIn(alicePage, ui.backend.url, alice.token);
    await alicePage.locator('[data-testid="conversation"][data-title="Bob"]').click();
    await alicePage.locator('.chat-header [data-online="true"]').waitFor();

    const aliceRoom = alicePage.context().waitForEvent('page');
    await alicePage.getByTestId('call-button').click();
    await expect.poll(async () => (await calls(bobPage, 'showIncomingCall')).length).toBe(1);
    const [[invitation]] = (await calls(bobPage, 'showIncomingCall')) as any[];
    expect(invitation.from).toEqual({ id: alice.id, display_name: 'Alice' });
    // The desktop app rings in its own window; the page does not ring a second time.
    expect(await bobPage.evaluate(() => document.documentElement.dataset.ringing)).not.toBe('true');

    // Accept pressed in the always-on-top popup.
    await bobPage.evaluate(
      (id) => (window as any).__bridge.fire('incomingAction', { call_id: id, accepted: true }),
      invitation.call_id,
    );
    await expect.poll(async () => (await calls(bobPage, 'openCallWindow')).length).toBe(1);
    const [[roomUrl, callId]] = (await calls(bobPage, 'openCallWindow')) as [[string, string]];
    expect(callId).toBe(invitation.call_id);
    expect(decodeJwt(jwtOfRoomUrl(roomUrl)).context.user.id).toBe(bob.id);
    expect(decodeJwt(jwtOfRoomUrl(roomUrl)).room).toBe(invitation.room_id);
    expect(await calls(bobPage, 'dismissIncomingCall')).toContainEqual([invitation.call_id]);
    await expect
      .poll(async () => (await calls(bobPage, 'setTrayState')).some(([s]: any) => s.inCall))
      .toBe(true);
    await alicePage.getByTestId('outgoing-call').waitFor({ state: 'detached' });

    // A peace-messenger://room link to the same room focuses the window of that call (keyed by the call,
    // not the room: closing it must leave the call, which a room id would not name).
    await bobPage.evaluate((id) => (window as any).__bridge.fire('deepLink', id), invitation.room_id);
    await expect.poll(async () => (await calls(bobPage, 'openCallWindow')).length).toBe(2);
    expect((await calls(bobPage, 'openCallWindow'))[1]?.[1]).toBe(invitation.call_id);

    // Both hang up: Bob's call window closes (the bridge reports it), Alice closes her room page.
    await bobPage.evaluate((id) => (window as any).__bridge.fire('callWindowClosed', id), invitation.call_id);
    await (await aliceRoom).close();
    await alicePage.locator('[data-testid="call-entry"][data-outcome="ended"]').waitFor();
    await bobPage.locator('[data-testid="conversation"][data-title="Alice"]').click();
    await bobPage.locator('[data-testid="call-entry"][data-outcome="ended"]').waitFor();
    expect(await bobPage.getByTestId('call-entry').textContent()).toMatch(/Video call · \d+:\d\d/);
  });

  it('a message notifies through the bridge (not the Web API), and its click opens the conversation', async () => {
    const alice = await ui.backend.register('alice_note', 'Alice');
    const bob = await ui.backend.register('bob_note', 'Bob');
    const direct = await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: bob.id,
    });
    const bobPage = await desktopPage(bob);
    await ui.backend.api(alice.token, 'POST', `/api/v1/conversations/${direct.body.id}/messages`, {
      body: 'Are you at your desk?',
    });
    await expect.poll(() => calls(bobPage, 'showMessageNotification')).toHaveLength(1);
    expect((await calls(bobPage, 'showMessageNotification'))[0]).toEqual([
      { conversation_id: direct.body.id, title: 'Alice', body: 'Are you at your desk?', sound: true },
    ]);
    // Do-not-disturb is the desktop app's own setting (tray, settings window): the chat does not offer a second one.
    await bobPage.getByTestId('notify-settings').click();
    expect(await bobPage.getByTestId('notify-doNotDisturb').count()).toBe(0);
    await bobPage.keyboard.press('Escape');
    await bobPage.evaluate((id) => (window as any).__bridge.fire('openConversation', id), direct.body.id);
    await expect.poll(() => bobPage.getByTestId('chat-title').textContent()).toBe('Alice');
  });
});
