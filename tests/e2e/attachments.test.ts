import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePng } from '../helpers/attachments.js';
import { seriousViolations } from '../helpers/axe.js';
import type { TestUser } from '../helpers/backend.js';
import { openSignedIn, screenshot } from '../helpers/browser.js';
import { useCallUi } from '../helpers/call-ui.js';

/** A file made in the page from base64, as a user's clipboard or file manager would hand it over. */
interface PageFile {
  base64: string;
  name: string;
  type: string;
}

/** Pastes `file` into the message box: a real paste event carrying it in a DataTransfer. */
function pasteFile(page: Page, file: PageFile): Promise<void> {
  return page.getByTestId('composer-input').evaluate((input, f: PageFile) => {
    const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], f.name, { type: f.type }));
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, file);
}

/** Drops `file` onto the open conversation, as dragging it from the desktop does. */
function dropFile(page: Page, file: PageFile): Promise<void> {
  return page.getByTestId('conversation-view').evaluate((view, f: PageFile) => {
    const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], f.name, { type: f.type }));
    for (const type of ['dragenter', 'dragover', 'drop'])
      view.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, file);
}

/** Uploads from this page crawl at `bytesPerSecond` (Chromium's own network throttling), so progress shows. */
async function throttleUploads(context: BrowserContext, page: Page, bytesPerSecond: number) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  };
}

describe('images and files in the chat UI', () => {
  const ui = useCallUi({ ATTACHMENT_MAX_BYTES: '2000000' });
  let run = 0;

  /** Alice and Bob, each signed in on their own page with their direct chat open. */
  async function twoUsers(locale: string) {
    run++;
    const tag = `${run}x${Date.now() % 100000}`;
    const alice: TestUser = await ui.backend.register(`alice${tag}`, `Alice ${run}`);
    const bob: TestUser = await ui.backend.register(`bob${tag}`, `Bob ${run}`);
    const direct = (
      await ui.backend.api(alice.token, 'POST', '/api/v1/conversations', { type: 'direct', user_id: bob.id })
    ).body.id as string;
    const open = async (user: TestUser, other: string) => {
      const page = await ui.newPage({ locale });
      const context = page.context();
      await openSignedIn(page, ui.backend.url, user.token);
      await page.locator(`[data-testid="conversation"][data-title="${other}"]`).click();
      return { context, page };
    };
    return { direct, alice: await open(alice, `Bob ${run}`), bob: await open(bob, `Alice ${run}`) };
  }

  const pendingUploads = () =>
    ui.backend.app.db.selectFrom('attachments').select('id').where('state', '!=', 'stored').execute();

  for (const locale of ['en-US', 'zh-CN']) {
    it(`${locale}: a pasted image shows on the other side; it opens full size`, async () => {
      const { alice, bob } = await twoUsers(locale);
      const png = await makePng(1200, 800, '#e0663a');

      // A big file crawls up, so the composer can be seen mid-upload.
      const unthrottle = await throttleUploads(alice.context, alice.page, 200_000);
      await pasteFile(alice.page, {
        base64: randomBytes(1_500_000).toString('base64'),
        name: 'report.pdf',
        type: 'application/pdf',
      });
      const progress = alice.page.getByTestId('upload-progress');
      await expect
        .poll(async () => Number(await progress.getAttribute('value')), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(20);
      await screenshot(alice.page, 'attachments', `upload-in-progress-${locale}`);
      expect(await seriousViolations(alice.page)).toEqual([]);
      // Cancel: the upload goes, and nothing of it reaches Bob or stays on the server.
      await alice.page.getByTestId('upload-cancel').click();
      await alice.page.getByTestId('upload').waitFor({ state: 'detached' });
      await expect.poll(async () => (await pendingUploads()).length, { timeout: 10_000 }).toBe(0);
      await unthrottle();

      await pasteFile(alice.page, { base64: png.toString('base64'), name: 'sunset.png', type: 'image/png' });
      const thumbnail = bob.page.getByTestId('attachment-thumbnail');
      await thumbnail.waitFor();
      await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
      expect(await bob.page.getByTestId('attachment-file').count()).toBe(0);
      await screenshot(bob.page, 'attachments', `received-image-${locale}`);

      await bob.page.getByTestId('attachment-image').click();
      const full = bob.page.getByTestId('image-full');
      await full.waitFor();
      await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
      await screenshot(bob.page, 'attachments', `image-full-size-${locale}`);
      expect(await seriousViolations(bob.page)).toEqual([]);
      await bob.page.keyboard.press('Escape');
      await bob.page.getByTestId('image-viewer').waitFor({ state: 'detached' });
    });
  }

  it('a dropped file arrives as a named, sized download; a refused file can be removed, a failed one retried', async () => {
    const { alice, bob } = await twoUsers('en-US');
    const pdf = Buffer.from('%PDF-1.4 a small report');
    await dropFile(alice.page, {
      base64: pdf.toString('base64'),
      name: 'report 2026.pdf',
      type: 'application/pdf',
    });
    const link = bob.page.getByTestId('attachment-file');
    await link.waitFor();
    expect(await link.textContent()).toContain('report 2026.pdf');
    expect(await bob.page.locator('[data-testid="conversation"] .preview').first().textContent()).toBe(
      'File: report 2026.pdf',
    );
    expect(await link.getAttribute('title')).toBe(`Download report 2026.pdf (${pdf.length} B)`);
    await bob.page.getByRole('button', { name: `Download report 2026.pdf ${pdf.length} B` }).waitFor();
    const saved = bob.page.waitForEvent('download');
    await link.click();
    const download = await saved;
    expect(download.suggestedFilename()).toBe('report 2026.pdf');

    await alice.page.getByTestId('file-input').setInputFiles({
      name: 'huge.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(2_600_000),
    });
    const failed = alice.page.getByTestId('upload-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('The file is too large: at most 1.9 MB.');
    await screenshot(alice.page, 'attachments', 'upload-too-large-en-US');
    expect(await seriousViolations(alice.page)).toEqual([]);
    // Sending the same file again cannot help: only Remove is offered.
    expect(await failed.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await failed.getByRole('button', { name: 'Remove' }).click();
    await alice.page.getByTestId('upload').waitFor({ state: 'detached' });

    // The connection is down: the file waits, failed, and goes with Retry once the server is back.
    await alice.context.setOffline(true);
    const notes = Buffer.from('meeting notes');
    await pasteFile(alice.page, { base64: notes.toString('base64'), name: 'notes.txt', type: 'text/plain' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('The server could not be reached.');
    await alice.context.setOffline(false);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await bob.page.getByRole('button', { name: 'Download notes.txt 13 B' }).waitFor();
    await alice.page.getByTestId('upload').waitFor({ state: 'detached' });
  });
});
