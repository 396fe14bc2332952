import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where browser tests put their screenshots (git-ignored). */
export const ARTIFACTS_DIR = join(import.meta.dirname, '../artifacts');

const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fake camera and microphone, granted without a prompt (for pages that ask for media). */
const MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

export interface LaunchOptions {
  /** Add the fake media device flags. */
  media?: boolean;
}

/**
 * Headless Chromium from CHROMIUM_PATH (default /usr/bin/chromium). Share one per test file and give
 * each simulated user a fresh context: contexts are cheap, browsers are not.
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: options.media ? [...BASE_ARGS, ...MEDIA_ARGS] : BASE_ARGS,
  });
}

export interface UserPageOptions {
  /** BCP 47 locale the page sees as navigator.language (default en-US). */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A new isolated context (own storage, own cookies) and one page in it: one simulated user or device. */
export async function newUserPage(
  browser: Browser,
  options: UserPageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1100, height: 720 },
  });
  const page = await context.newPage();
  return { context, page };
}

/** Saves a full-page screenshot as tests/artifacts/{group}/{name}.png and returns its path. */
export async function screenshot(page: Page, group: string, name: string): Promise<string> {
  const dir = join(ARTIFACTS_DIR, group);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Fails with instructions when the web client has not been built (the backend would serve a stub). */
export function requireBuiltRenderer(): void {
  const index = join(import.meta.dirname, '../../dist/renderer/index.html');
  if (!existsSync(index)) {
    throw new Error('dist/renderer/index.html is missing: run `npm run build` before the e2e tests.');
  }
}

/**
 * Opens the chat UI at `url` already signed in as `token` (the browser keeps the session in
 * localStorage under this key), skipping the sign-in form. With `refreshToken` the page can renew the
 * access token when it expires; without, it is signed out then (as a session saved by an old version).
 */
export async function openSignedIn(
  page: Page,
  url: string,
  token: string,
  refreshToken?: string,
): Promise<void> {
  // A bare token is what older versions saved, and still reads as a session without refresh.
  const saved = refreshToken
    ? JSON.stringify({ access_token: token, refresh_token: refreshToken, expires_at: Date.now() })
    : token;
  await page.addInitScript((t: string) => {
    if (!localStorage.getItem('peace.session_token')) localStorage.setItem('peace.session_token', t);
  }, saved);
  await page.goto(url);
  await page.getByTestId('me-name').waitFor();
}

/** The claims of a JWT (no signature check: tests compare what each user was given). */
export function decodeJwt(token: string): any {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** The `jwt` parameter of a room_url (in its fragment, or the query for the original form). */
export function jwtOfRoomUrl(roomUrl: string): string {
  const url = new URL(roomUrl);
  const params = new URLSearchParams(url.hash.slice(1));
  return params.get('jwt') ?? url.searchParams.get('jwt') ?? '';
}
