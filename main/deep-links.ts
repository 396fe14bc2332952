/**
 * Deep links `peace-messenger://room/{room_id}`: registered with the OS, received through
 * `open-url` (macOS) or a second instance's command line (Windows, Linux), and handed to the web
 * client, which joins through the API (the backend checks membership).
 */
import { resolve } from 'node:path';
import { app } from 'electron';
import { DEEP_LINK_SCHEME, findDeepLinkInArgv, parseDeepLink } from './policy/deep-link.js';

/** Holds room ids until the web client has loaded and can take them. */
export class DeepLinkInbox {
  #pending: string[] = [];
  #deliver: ((roomId: string) => void) | null = null;
  #ready = false;

  /** A URL arrived (from `open-url`). */
  receiveUrl(url: string): void {
    const roomId = parseDeepLink(url);
    if (roomId) this.#receive(roomId);
  }

  /** A command line arrived (first launch or second instance). */
  receiveArgv(argv: readonly string[]): void {
    const roomId = findDeepLinkInArgv(argv);
    if (roomId) this.#receive(roomId);
  }

  /** Links will be delivered through `deliver`, once the web client has loaded. */
  connect(deliver: (roomId: string) => void): void {
    this.#deliver = deliver;
  }

  /** The web client has loaded (its preload listens): deliver what is pending, and later links at once. */
  markReady(): void {
    this.#ready = true;
    this.#flush();
  }

  #flush(): void {
    if (!this.#deliver || !this.#ready) return;
    const pending = this.#pending;
    this.#pending = [];
    for (const roomId of pending) this.#deliver(roomId);
  }

  #receive(roomId: string): void {
    this.#pending.push(roomId);
    this.#flush();
  }
}

/** Registers the scheme with the OS; when run unpackaged (`electron .`) with this app's path. */
export function registerDeepLinkScheme(): void {
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
}
