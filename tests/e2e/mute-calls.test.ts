import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAck, emitOk, startBackend, type TestBackend } from '../helpers/backend.js';
import { launchChromium, newUserPage, openSignedIn, requireBuiltRenderer } from '../helpers/browser.js';
import { type CallSetup, setUpCall, TEST_JITSI_ENV } from '../helpers/calls.js';

/** A muted group's calls ring, unless its member chose "Calls still ring: off" in the mute menu. */
describe('calls in a muted group', { timeout: 120_000 }, () => {
  let backend: TestBackend;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let call: CallSetup;

  beforeAll(async () => {
    requireBuiltRenderer();
    backend = await startBackend(TEST_JITSI_ENV);
    browser = await launchChromium();
    call = await setUpCall(backend, 3);
    ({ context, page } = await newUserPage(browser));
    await openSignedIn(page, backend.url, call.users[1]!.token);
    await page.locator(`[data-testid="conversation"][data-id="${call.conversationId}"]`).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await backend?.close();
  });

  const ringing = () => page.evaluate(() => document.documentElement.dataset.ringing === 'true');

  /** The group's first member rings the group; resolves once the member's page shows the call. */
  async function ringTheGroup(): Promise<string> {
    const { call_id } = await emitOk(call.sockets[0]!, 'call_invitation', { room_id: call.roomId });
    await page.getByTestId('incoming-call').waitFor();
    return call_id;
  }

  async function hangUp(callId: string): Promise<void> {
    expect((await emitAck(call.sockets[0]!, 'call_cancel', { call_id: callId })).ok).toBe(true);
    await page.getByTestId('incoming-call').waitFor({ state: 'detached' });
  }

  async function mute(ringCalls: boolean): Promise<void> {
    const path = `/api/v1/conversations/${call.conversationId}/mute`;
    const member = call.users[1]!;
    expect((await backend.api(member.token, 'PUT', path, { ring_calls: ringCalls })).status).toBe(200);
    const marker = page.locator(
      `[data-testid="conversation"][data-id="${call.conversationId}"] [data-testid="muted-marker"]`,
    );
    await marker.waitFor();
  }

  it('still ring by default', async () => {
    await mute(true);
    const callId = await ringTheGroup();
    expect(await ringing()).toBe(true);
    await hangUp(callId);
  });

  it('show without ringing when the member turned "calls still ring" off', async () => {
    await mute(false);
    const callId = await ringTheGroup();
    // The call is offered (it can be answered), but nothing sounds.
    await expect.poll(() => page.getByTestId('incoming-call').isVisible()).toBe(true);
    expect(await ringing()).toBe(false);
    await hangUp(callId);
  });
});
