import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import { emitAck, type TestUser } from '../helpers/backend.js';
import { openSignedIn, screenshot } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

/** Edit, delete and the typing indicator in headless Chromium, between real users on the real backend. */
describe('editing, deleting and typing in the chat UI', () => {
  const ui = useCallUi();
  let run = 0;

  async function signedIn(user: TestUser, locale?: string): Promise<Page> {
    const page = await ui.newPage({ locale });
    // A step that fails says which one, well within the test's own timeout.
    page.setDefaultTimeout(8000);
    await openSignedIn(page, ui.backend.url, user.token);
    return page;
  }
  /** Fresh users shown as `names` (their usernames are made unique per run). */
  const users = async (...names: string[]) => {
    run++;
    const made: TestUser[] = [];
    for (const [i, name] of names.entries())
      made.push(await ui.backend.register(`u${i}r${run}x${Date.now() % 100000}`, name));
    return made;
  };
  const open = (page: Page, title: string) =>
    page.locator(`[data-testid="conversation"][data-title="${title}"]`).click();
  const bubble = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text });

  it('an edit and a delete appear live on the other side; Up arrow edits, Escape cancels', async () => {
    const [alice, bob] = (await users('Alice', 'Bob')) as [TestUser, TestUser];
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id });
    const alicePage = await signedIn(alice);
    const bobPage = await signedIn(bob);
    await open(alicePage, 'Bob');
    await open(bobPage, 'Alice');
    await alicePage.getByTestId('composer-input').fill('teh plan is on');
    await alicePage.getByTestId('composer-input').press('Enter');
    await bubble(bobPage, 'teh plan is on').waitFor();
    // Only one's own messages have actions.
    expect(await bobPage.getByTestId('message-menu').count()).toBe(0);

    const mine = bubble(alicePage, 'teh plan is on');
    await mine.hover();
    await mine.getByTestId('message-menu').click();
    await alicePage.getByRole('menuitem', { name: 'Edit' }).waitFor();
    expect(await seriousViolations(alicePage)).toEqual([]);
    await screenshot(alicePage, 'message-edits', 'en-01-menu');
    await alicePage.getByRole('menuitem', { name: 'Edit' }).click();
    await alicePage.getByTestId('edit-input').fill('the plan is on');
    await alicePage.getByTestId('edit-input').press('Enter');
    const edited = bubble(bobPage, 'the plan is on');
    await edited.getByTestId('edited-marker').waitFor();
    expect(await bubble(bobPage, 'teh plan').count()).toBe(0);
    await screenshot(bobPage, 'message-edits', 'en-02-edited');

    // Up arrow in the empty composer edits the last own message; Escape leaves it as it was.
    await alicePage.getByTestId('composer-input').press('ArrowUp');
    await alicePage.getByTestId('edit-input').fill('never saved');
    await alicePage.getByTestId('edit-input').press('Escape');
    await alicePage.getByTestId('message-editor').waitFor({ state: 'detached' });
    expect(await bubble(alicePage, 'the plan is on').count()).toBe(1);
    // Focus is back in the message box, not lost to the page.
    const focused = () =>
      alicePage.evaluate(
        () => document.activeElement?.getAttribute('data-testid') || document.activeElement?.textContent,
      );
    await expect.poll(focused).toBe('composer-input');

    // Delete by keyboard alone: focus the menu button, open it, arrow to Delete, confirm.
    await bubble(alicePage, 'the plan is on').getByTestId('message-menu').focus();
    await alicePage.keyboard.press('Enter');
    // Opening the menu puts focus on its first item.
    await expect.poll(focused).toBe('edit-message');
    await alicePage.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('delete-message');
    await alicePage.keyboard.press('Enter');
    await alicePage.getByTestId('delete-confirm').waitFor();
    // The edited marker on my blue bubble and the question are readable (contrast included).
    expect(await seriousViolations(alicePage)).toEqual([]);
    await screenshot(alicePage, 'message-edits', 'en-03-confirm-delete');
    await alicePage.getByTestId('confirm-delete').click();
    await bobPage.getByTestId('deleted-trace').waitFor();
    expect(await bobPage.getByTestId('deleted-trace').textContent()).toBe('Message deleted');
    expect(await bubble(bobPage, 'the plan is on').count()).toBe(0);
    const preview = bobPage.locator('[data-testid="conversation"][data-title="Alice"] .preview');
    await expect.poll(() => preview.textContent()).toBe('Message deleted');
    expect(await seriousViolations(bobPage)).toEqual([]);
    await screenshot(bobPage, 'message-edits', 'en-04-deleted');
  });

  it('shows who is typing in a group, and drops it on their message or after silence', async () => {
    const [alice, bob, carol] = (await users('Alice', 'Bob', 'Carol')) as [TestUser, TestUser, TestUser];
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: `Trip ${run}`,
      member_ids: [bob.id, carol.id],
    });
    const alicePage = await signedIn(alice);
    const bobPage = await signedIn(bob);
    const carolPage = await signedIn(carol);
    for (const page of [alicePage, bobPage, carolPage]) await open(page, `Trip ${run}`);
    const indicator = alicePage.getByTestId('typing-text');

    await bobPage.getByTestId('composer-input').pressSequentially('on my');
    await expect.poll(() => indicator.textContent()).toBe('Bob is typing…');
    await carolPage.getByTestId('composer-input').pressSequentially('me too');
    await expect.poll(() => indicator.textContent()).toBe('Bob and Carol are typing…');
    await screenshot(alicePage, 'message-edits', 'en-05-typing');
    // The typist never sees themself typing.
    expect(await bobPage.getByTestId('typing-text').textContent()).toBe('Carol is typing…');

    // Bob's message arrives: he is no longer typing, at once (long before the fade).
    await bobPage.getByTestId('composer-input').press('Enter');
    await bubble(alicePage, 'on my').waitFor();
    expect(await indicator.textContent()).toBe('Carol is typing…');
    // Carol stops: her indicator fades after a few seconds of silence.
    await indicator.waitFor({ state: 'detached', timeout: 8000 });
  });

  it('speaks Chinese: menu, edited, deleted and typing', async () => {
    const [alice, bob] = (await users('爱丽丝', '鲍勃')) as [TestUser, TestUser];
    const conv = (
      await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id;
    const say = async (text: string) =>
      (await ui.backend.api(alice.token, 'POST', `/api/v1/conversations/${conv}/messages`, { body: text }))
        .body.id;
    const gone = await say('这条会被删除');
    const fixed = await say('明天见面吧');
    await say('好的');
    await ui.backend.api(alice.token, 'DELETE', `/api/v1/conversations/${conv}/messages/${gone}`);
    await ui.backend.api(alice.token, 'PATCH', `/api/v1/conversations/${conv}/messages/${fixed}`, {
      body: '明天下午见面吧',
    });
    const page = await signedIn(alice, 'zh-CN');
    await open(page, '鲍勃');
    await bubble(page, '明天下午见面吧').getByTestId('edited-marker').waitFor();
    expect(await bubble(page, '明天下午见面吧').getByTestId('edited-marker').textContent()).toContain(
      '已编辑',
    );
    expect(await page.getByTestId('deleted-trace').textContent()).toBe('消息已删除');
    const bobSocket = await ui.backend.connect(bob.token);
    expect(await emitAck(bobSocket, 'typing', { conversation_id: conv })).toEqual({ ok: true });
    await expect.poll(() => page.getByTestId('typing-text').textContent()).toBe('鲍勃 正在输入…');
    const last = bubble(page, '好的');
    await last.hover();
    await last.getByTestId('message-menu').click();
    await page.getByRole('menuitem', { name: '编辑' }).waitFor();
    await screenshot(page, 'message-edits', 'zh-CN-01-menu-edited-deleted-typing');
    await page.getByRole('menuitem', { name: '删除' }).click();
    await page.getByTestId('delete-confirm').waitFor();
    expect(await page.getByTestId('delete-confirm').textContent()).toContain('要为所有人删除这条消息吗？');
    await screenshot(page, 'message-edits', 'zh-CN-02-confirm-delete');
  });
});
