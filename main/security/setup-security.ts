/**
 * The security module: every web contents, ours or not, gets the same guards as soon as it exists.
 * New windows are denied (http/https links go to the system browser), top-level navigation and
 * redirects stay where the window's role allows, iframes only where a call needs them, <webview> is refused, and the session's permission handlers deny
 * everything but media for the Jitsi origin of a call window.
 */
import { app, type Session, shell, type WebContents, type WebFrameMain } from 'electron';
import {
  isExternalLinkAllowed,
  isNavigationAllowed,
  isSubframeNavigationAllowed,
  originOf,
} from '../policy/url-policy.js';
import type { WindowRegistry } from '../windows/window-registry.js';
import { setupPermissions } from './permissions.js';

/** What the guards consult. */
export interface SecurityOptions {
  registry: WindowRegistry;
  backendOrigin: string;
  session: Session;
}

/** Must run before `ready`: every renderer sandboxed, whatever its web preferences say. */
export function enableSandbox(): void {
  app.enableSandbox();
}

function openExternally(url: string): void {
  if (isExternalLinkAllowed(url)) {
    shell.openExternal(url).catch(() => {
      // no browser configured: nothing useful to do
    });
  }
}

/** Adds the guards to one web contents. */
function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    const role = options.registry.forContents(contents)?.role;
    if (role && isNavigationAllowed(role, url, options.backendOrigin)) return;
    event.preventDefault();
    // A link to elsewhere followed in place: show it in the browser instead of inside the app.
    if (originOf(url) !== options.backendOrigin) openExternally(url);
  });
  // A server redirect is a navigation too: without this, an allowed URL that answers 302 could take
  // the chat (or a call's frame) to any origin.
  contents.on('will-redirect', (details) => {
    if (!frameMayGo(contents, options, details)) details.preventDefault();
  });
  // will-navigate sees only the main frame; iframes are held here.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && !frameMayGo(contents, options, details)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Whether the frame of a navigation (`isMainFrame`, `frame`) may go to `url`, by its window's role. */
function frameMayGo(
  contents: WebContents,
  options: SecurityOptions,
  details: { url: string; isMainFrame: boolean; frame?: WebFrameMain | null },
): boolean {
  const entry = options.registry.forContents(contents);
  if (!entry) return false;
  if (details.isMainFrame) return isNavigationAllowed(entry.role, details.url, options.backendOrigin);
  // Nested below the frame the room page itself made: Jitsi's own iframes.
  const nested = Boolean(details.frame?.parent?.parent);
  return isSubframeNavigationAllowed(entry.role, details.url, entry.jitsiOrigin ?? null, nested);
}

/** Installs the guards for all web contents and the permission handlers. */
export function setupSecurity(options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  setupPermissions(options.session, options.registry);
}
