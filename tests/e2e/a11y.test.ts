import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.js';
import type { TestUser } from '../helpers/backend.js';
import { openSignedIn, screenshot } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

type Theme = 'light' | 'dark';
type Lang = 'en' | 'zh-CN';

/**
 * Every main screen, in both themes (as the system says) and both languages, at 1280 and 360 px:
 * axe-core finds no serious or critical WCAG 2.2 A/AA violation (contrast included), nothing is wider
 * than the window, and a screenshot of each lands in tests/artifacts/a11y for people to look at.
 */
describe('accessibility of the main screens', () => {
  const ui = useCallUi();
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    const tag = Date.now() % 100000;
    alice = await ui.backend.register(`ally${tag}`, 'Alice Example');
    bob = await ui.backend.register(`bobby${tag}`, 'Bob Example');
    const carol = await ui.backend.register(`carol${tag}`, '卡罗尔');
    const direct = await ui.backend.api(bob.token, 'POST', '/api/v1/conversations', {
      type: 'direct',
      user_id: alice.id,
    });
    const say = (token: string, body: string) =>
      ui.backend.api(token, 'POST', `/api/v1/conversations/${direct.body.id}/messages`, { body });
    await say(bob.token, 'Hi! The plan is at https://example.org/plan (see section 2).');
    await say(alice.token, 'Thanks, 看到了！');
    await say(bob.token, 'A long line to see wrapping on narrow screens: '.repeat(3));
    await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: 'Weekend trip 周末旅行',
      member_ids: [bob.id, carol.id],
    });
  });

  async function open(lang: Lang, theme: Theme, width: number): Promise<Page> {
    const page = await ui.newPage({ locale: lang, viewport: { width, height: width < 500 ? 740 : 800 } });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    return page;
  }

  /** axe finds nothing serious, nothing sticks out sideways; then a screenshot. */
  async function check(page: Page, name: string): Promise<void> {
    expect(await seriousViolations(page), name).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} is wider than the window`).toBeLessThanOrEqual(0);
    await screenshot(page, 'a11y', name);
  }

  it('a manual theme wins over the system and is remembered', async () => {
    const page = await open('en', 'light', 1280);
    await openSignedIn(page, ui.backend.url, alice.token);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const lightBg = await background();
    const button = page.getByTestId('theme-button');
    expect(await button.getAttribute('aria-label')).toContain('Theme: as the system');
    await button.click(); // system → light: still light
    await button.click(); // light → dark, although the system is light
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await button.getAttribute('aria-label')).toContain('Theme: dark');
    const darkBg = await background();
    expect(darkBg).not.toBe(lightBg);
    await page.reload();
    await page.getByTestId('me-name').waitFor();
    expect(await background()).toBe(darkBg);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  // Contrast does not depend on the width: every language and theme at 1280 px, two of them at 360.
  const combos: [Lang, Theme, number][] = [
    ['en', 'light', 1280],
    ['en', 'dark', 1280],
    ['zh-CN', 'light', 1280],
    ['zh-CN', 'dark', 1280],
    ['en', 'light', 360],
    ['zh-CN', 'dark', 360],
  ];

  it.each(combos)(
    '%s, %s theme, %i px',
    async (lang, theme, width) => {
      const tag = `${lang}-${theme}-${width}`;
      const signIn = await open(lang, theme, width);
      await signIn.goto(ui.backend.url);
      await signIn.getByTestId('auth-form').waitFor();
      await check(signIn, `${tag}-1-sign-in`);

      const page = await open(lang, theme, width);
      await openSignedIn(page, ui.backend.url, alice.token);
      await page.getByTestId('conversation').first().waitFor();
      await check(page, `${tag}-2-list`);

      await page.locator('[data-testid="conversation"][data-title="Bob Example"]').click();
      await page.getByRole('link', { name: 'https://example.org/plan' }).waitFor();
      await check(page, `${tag}-3-conversation`);

      if (width < 500) {
        // Narrow: one pane at a time; Back returns to the list.
        expect(await page.getByTestId('conversation-list').isVisible()).toBe(false);
        await page.locator('.chat-header .back').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('conversation-list').waitFor();
        // Focus lands back on that chat's row, not at the top of the page.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-title')))
          .toBe('Bob Example');
      }
      await page.locator('[data-testid="conversation"][data-title="Weekend trip 周末旅行"]').click();
      await page.locator('.chat-header [data-testid="group-avatar"]').waitFor();
      await check(page, `${tag}-4-group`);
      if (width < 500) await page.locator('.chat-header .back').click();

      await page.getByTestId('new-chat').click();
      await page.getByTestId('group-tab').click();
      await page.getByTestId('user-search').fill('Example');
      await page.getByTestId('user-result').first().click();
      // The whole dialog fits: close button, check marks and "Create group" are inside the window.
      for (const target of [page.getByTestId('create-group'), page.locator('.modal-header button')]) {
        const box = await target.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `${tag} dialog fits`).toBe(true);
      }
      await check(page, `${tag}-5-new-group`);
    },
    180_000,
  );
});
