/**
 * The security module: every web contents, ours or not, gets the same guards as soon as it exists.
 * New windows are denied (http/https links go to the system browser), top-level navigation stays
 * where the window's role allows, <webview> is refused, and the session's permission handlers deny
 * everything but media for the Jitsi origin of a call window.
 */
import { app, type Session, shell, type WebContents } from 'electron';
import { isExternalLinkAllowed, isNavigationAllowed, originOf } from '../policy/url-policy.js';
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
export function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
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
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Installs the guards for all web contents and the permission handlers. */
export function setupSecurity(options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  setupPermissions(options.session, options.registry);
}
