import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { emitAck } from '../helpers/backend.js';
import { openSignedIn, screenshot } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

/** A stranger's first contact in the real chat UI: a request above the messages, accepted or declined. */
describe('contact requests', () => {
  const ui = useCallUi({ CONTACT_REQUESTS: 'true' });

  /** `from` opens a chat with `to` and says hello; returns the conversation id. */
  async function firstContact(from: { token: string }, to: { id: string }): Promise<string> {
    const conversation = await ui.backend.api(from.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: to.id,
    });
    const path = `/api/v1/conversations/${conversation.body.id}/messages`;
    await ui.backend.api(from.token, 'POST', path, { body: 'hello, may I call you?' });
    return conversation.body.id;
  }
  const ring = async (who: { token: string }, conversationId: string) => {
    const room = await ui.backend.api(who.token, 'POST', '/api/v1/rooms/create', {
      conversation_id: conversationId,
    });
    return emitAck(await ui.backend.connect(who.token), 'call_invitation', { room_id: room.body.room_id });
  };

  it('shows the request with the message as preview; accepting lets calls ring', async () => {
    const tag = Date.now() % 100000;
    const alice = await ui.backend.register(`alice${tag}`, 'Alice');
    const bob = await ui.backend.register(`bob${tag}`, 'Bob');
    const conversationId = await firstContact(alice, bob);
    const page = await ui.newPage();
    await openSignedIn(page, ui.backend.url, bob.token);
    await page.locator('[data-testid="conversation"][data-title="Alice"]').click();
    const bar = page.getByTestId('contact-request');
    expect(await bar.textContent()).toContain('Alice wants to contact you.');
    await page.getByTestId('message').filter({ hasText: 'hello, may I call you?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'contact-request', 'request-en');
    expect(await ring(alice, conversationId)).toMatchObject({ error: { code: 'contact_request_pending' } });

    await page.getByTestId('contact-request-accept').click();
    await bar.waitFor({ state: 'detached' });
    expect((await ui.backend.api(bob.token, 'GET', '/api/v1/contact-requests')).body).toEqual([]);
    expect(await ring(alice, conversationId)).toMatchObject({ ok: true });
  });

  it('in zh-CN (拒绝): declining removes the request and the stranger still cannot ring', async () => {
    const tag = Date.now() % 100000;
    const carol = await ui.backend.register(`carol${tag}`, 'Carol');
    const dave = await ui.backend.register(`dave${tag}`, 'Dave');
    const conversationId = await firstContact(carol, dave);
    const page = await ui.newPage({ locale: 'zh-CN' });
    await openSignedIn(page, ui.backend.url, dave.token);
    await page.locator('[data-testid="conversation"][data-title="Carol"]').click();
    const bar = page.getByTestId('contact-request');
    expect(await bar.textContent()).toContain('Carol 想要联系你。');
    expect(await page.getByTestId('contact-request-decline').textContent()).toBe('拒绝');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'contact-request', 'request-zh-CN');

    await page.getByTestId('contact-request-decline').click();
    await bar.waitFor({ state: 'detached' });
    expect(await ring(carol, conversationId)).toMatchObject({ error: { code: 'contact_request_pending' } });
  });
});
