import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend.js';
import { launchChromium, newUserPage, openSignedIn, requireBuiltRenderer } from '../helpers/browser.js';

/** Sign-out in the real chat UI: the token is revoked on the server, not only forgotten by the tab. */
describe('sign-out buttons', () => {
  let backend: TestBackend;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

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

  async function signedInPage(token: string, locale?: string): Promise<Page> {
    const { context, page } = await newUserPage(browser, { locale });
    contexts.push(context);
    await openSignedIn(page, backend.url, token);
    return page;
  }
  const login = async (username: string) =>
    (
      await backend.api(null, 'POST', '/api/v1/auth/login', {
        username,
        password: `pw-${username}-secret`,
      })
    ).body.access_token as string;
  const meStatus = async (token: string) => (await backend.api(token, 'GET', '/api/v1/me')).status;

  it('"Sign out" ends this tab\'s session on the server; another device stays signed in', async () => {
    const user = await backend.register('grace');
    const other = await login('grace');
    const page = await signedInPage(user.token);
    const otherPage = await signedInPage(other);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByTestId('auth-form').waitFor();
    await expect.poll(() => meStatus(user.token)).toBe(401);
    expect(await meStatus(other)).toBe(200);
    expect(await otherPage.getByTestId('me-name').isVisible()).toBe(true);
  });

  it('"Sign out everywhere" (退出所有设备) sends every other open tab back to the sign-in form', async () => {
    const user = await backend.register('heidi');
    const other = await login('heidi');
    const page = await signedInPage(user.token, 'zh-CN');
    const otherPage = await signedInPage(other);

    expect(await page.getByTestId('sign-out-everywhere').textContent()).toBe('退出所有设备');
    await page.getByTestId('sign-out-everywhere').click();
    await page.getByTestId('auth-form').waitFor();
    // The other tab's socket is dropped, its reconnect refused, and it signs itself out.
    await otherPage.getByTestId('auth-form').waitFor();
    expect(await meStatus(user.token)).toBe(401);
    expect(await meStatus(other)).toBe(401);
  });
});
