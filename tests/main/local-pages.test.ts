/**
 * The local pages (incoming-call popup, screen picker, settings) in real Chromium, loaded from dist/pages as
 * Electron loads them, under their own CSP, with `window.peaceLocal` played by a recording stand-in.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';

const root = resolve(import.meta.dirname, '../..');
const pages = join(root, 'dist/pages');
const artifacts = join(root, 'tests/artifacts');

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(pages, 'incoming-call.html'))) {
    throw new Error('dist/pages is missing: run `npm run build` first (npm test does)');
  }
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Opens a local page with a stand-in `peaceLocal` that records calls into `window.__calls`. */
async function openPage(file: string, view: unknown, size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript((data) => {
    const calls: unknown[] = [];
    Object.assign(window, {
      __calls: calls,
      peaceLocal: {
        incomingCall: {
          getView: async () => data,
          answer: async (accepted: boolean) => calls.push(['answer', accepted]),
        },
        screenPicker: {
          getSources: async () => data,
          choose: async (id: string | null) => calls.push(['choose', id]),
        },
        // Plays main's answers: locked settings refused, others saved.
        settings: {
          get: async () => data,
          set: async (key: string, value: unknown) => {
            calls.push(['set', key, value]);
            const view = data as any;
            if (view.locked.includes(key)) return { ok: false, error: 'setting_locked' };
            view.values[key] = value;
            view.restartNeeded = key !== 'doNotDisturb';
            return { ok: true, value: view };
          },
        },
      },
    });
  }, view);
  await page.goto(pathToFileURL(join(pages, file)).href);
  (page as any).errors = errors;
  return page;
}

describe('local pages in Chromium', () => {
  it('the incoming-call popup shows the caller in the system language and sends the answer once', async () => {
    const page = await openPage(
      'incoming-call.html',
      { callId: 'call-1', callerName: '王小明', language: 'zh-CN' },
      { width: 360, height: 132 },
    );
    await expect.poll(() => page.textContent('#caller')).toBe('王小明');
    expect(await page.textContent('#accept')).toBe('接听');
    expect(await page.textContent('#decline')).toBe('拒绝');
    await page.screenshot({ path: join(artifacts, 'desktop-incoming-call-popup.png') });
    await page.click('#accept');
    await page.click('#decline', { force: true });
    expect(await page.evaluate(() => (window as any).__calls)).toEqual([['answer', true]]);
    expect((page as any).errors).toEqual([]);
  });

  it('the screen picker lists sources safely and returns the chosen id; Escape cancels', async () => {
    const thumbnail =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const page = await openPage(
      'screen-picker.html',
      {
        language: 'en',
        sources: [
          { id: 'screen:0:0', name: 'Screen 1', kind: 'screen', thumbnail },
          { id: 'window:42:0', name: '<img src=x onerror=alert(1)> Editor', kind: 'window', thumbnail },
        ],
      },
      { width: 720, height: 520 },
    );
    await expect.poll(() => page.locator('.source').count()).toBe(2);
    // A window title is text, never markup.
    expect(await page.locator('.source span').nth(1).textContent()).toBe(
      '<img src=x onerror=alert(1)> Editor',
    );
    expect(await page.locator('.source span').nth(0).textContent()).toBe('Entire screen');
    expect(await page.locator('.source img').count()).toBe(2);
    await page.screenshot({ path: join(artifacts, 'desktop-screen-picker.png') });
    await page.locator('.source').nth(1).click();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as any).__calls)).toEqual([
      ['choose', 'window:42:0'],
      ['choose', null],
    ]);
    expect((page as any).errors).toEqual([]);
  });

  it('the settings screen marks what IT locked, in Chinese, and saves the rest', async () => {
    const page = await openPage(
      'settings.html',
      {
        values: {
          serverUrl: 'https://chat.corp.example',
          language: 'zh-CN',
          startAtLogin: false,
          doNotDisturb: false,
          updatesEnabled: true,
          updateChannel: 'latest',
        },
        locked: ['serverUrl', 'updateChannel'],
        restartNeeded: false,
        language: 'zh-CN',
      },
      { width: 520, height: 560 },
    );
    await expect.poll(() => page.inputValue('#serverUrl')).toBe('https://chat.corp.example');
    expect(await page.isDisabled('#serverUrl')).toBe(true);
    expect(await page.isDisabled('#saveServer')).toBe(true);
    expect(await page.isDisabled('#updateChannel')).toBe(true);
    expect(await page.isDisabled('#doNotDisturb')).toBe(false);
    expect(await page.locator('.setting[data-key="serverUrl"] .badge').textContent()).toBe('由你的组织设定');
    expect(await page.locator('.badge').count()).toBe(2);
    expect(await page.textContent('#title')).toBe('设置');
    await page.check('#doNotDisturb');
    await expect.poll(() => page.textContent('#message')).toBe('已保存。');
    await page.selectOption('#language', 'en');
    await expect.poll(() => page.textContent('#message')).toBe('已保存。重新启动和平信使后生效。'); // the new language applies at the next start
    await page.screenshot({ path: join(artifacts, 'desktop-settings.png') });
    expect(await page.evaluate(() => (window as any).__calls)).toEqual([
      ['set', 'doNotDisturb', true],
      ['set', 'language', 'en'],
    ]);
    expect((page as any).errors).toEqual([]);
  });

  it('the CSP blocks anything inline or from the network', async () => {
    const page = await openPage('incoming-call.html', null, { width: 360, height: 132 });
    const blocked = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
      return (window as any).__inline === true;
    });
    expect(blocked).toBe(false);
    expect(((page as any).errors as string[]).some((e) => e.includes('Content Security Policy'))).toBe(true);
  });
});
