import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/**
 * How the stand-in answers `/external_api.js`:
 * - `ok`: the working script (application/javascript);
 * - `hang`: never answers (until `setScriptMode` changes it or the server closes) — the "slow server" case;
 * - `missing`: 404;
 * - `wrong-type`: 200 with text/html, as a misrouted proxy would answer.
 */
export type FakeJitsiScriptMode = 'ok' | 'hang' | 'missing' | 'wrong-type';

export interface FakeJitsiOptions {
  /** Serve over HTTPS with a fresh self-signed certificate for 127.0.0.1/localhost. */
  https?: boolean;
  script?: FakeJitsiScriptMode;
  /** Status of `GET /` (what "the server answers" means to the doctor); default 200. */
  rootStatus?: number;
}

export interface FakeJitsi {
  /** Origin, e.g. `https://127.0.0.1:43121` (no trailing slash). */
  url: string;
  /** PEM of the self-signed certificate when `https` is on (trust it with `ca` / NODE_EXTRA_CA_CERTS). */
  cert?: string;
  /** Every request received, in order (method and path without query). */
  requests: { method: string; path: string }[];
  /** Changes how `/external_api.js` is answered from now on; requests held by `hang` are answered too. */
  setScriptMode(mode: FakeJitsiScriptMode): void;
  close(): Promise<void>;
}

/**
 * The browser side of the stand-in: `window.JitsiMeetExternalAPI` recording what it was given in
 * `window.__jitsi = { domain, options, commands, disposed, emit(name, data), listeners }` and rendering a
 * visible placeholder (room name, display name) into `options.parentNode`. `dispose()` also sets
 * `sessionStorage.fakeJitsiDisposed = 'true'`, readable after the page has unloaded (same origin, same tab).
 */
export const FAKE_EXTERNAL_API_JS = `(() => {
  'use strict';
  const scriptSrc = document.currentScript ? document.currentScript.src : '';
  function decodeJwt(jwt) {
    try {
      const part = String(jwt).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return null;
    }
  }
  class JitsiMeetExternalAPI {
    constructor(domain, options) {
      options = options || {};
      const listeners = new Map();
      const claims = decodeJwt(options.jwt);
      const displayName =
        (options.userInfo && options.userInfo.displayName) ||
        (claims && claims.context && claims.context.user && claims.context.user.name) || '';
      const state = {
        domain,
        options: {
          roomName: options.roomName,
          jwt: options.jwt,
          width: options.width,
          height: options.height,
          lang: options.lang,
          hasParentNode: Boolean(options.parentNode),
          parentNodeId: options.parentNode ? options.parentNode.id : null,
        },
        scriptSrc,
        displayName,
        commands: [],
        disposed: false,
        listeners,
        emit(name, data) {
          for (const fn of listeners.get(name) || []) fn(data);
        },
      };
      window.__jitsi = state;
      this._state = state;
      const box = document.createElement('div');
      box.id = 'fake-jitsi';
      box.setAttribute('data-testid', 'fake-jitsi');
      box.style.cssText = 'width:100%;height:100%;display:flex;flex-direction:column;align-items:center;' +
        'justify-content:center;background:#1f2a37;color:#fff;font:20px sans-serif;gap:8px';
      const title = document.createElement('div');
      title.textContent = 'Jitsi stand-in on ' + domain;
      const room = document.createElement('div');
      room.textContent = 'Room: ' + options.roomName;
      const user = document.createElement('div');
      user.textContent = 'You: ' + displayName;
      box.append(title, room, user);
      this._box = box;
      if (options.parentNode) options.parentNode.appendChild(box);
    }
    addListener(name, fn) {
      const list = this._state.listeners.get(name) || [];
      list.push(fn);
      this._state.listeners.set(name, list);
      return this;
    }
    on(name, fn) { return this.addListener(name, fn); }
    addEventListener(name, fn) { return this.addListener(name, fn); }
    addEventListeners(map) { for (const k of Object.keys(map)) this.addListener(k, map[k]); }
    removeListener(name, fn) {
      const list = this._state.listeners.get(name) || [];
      this._state.listeners.set(name, list.filter((f) => f !== fn));
      return this;
    }
    off(name, fn) { return this.removeListener(name, fn); }
    removeEventListener(name, fn) { return this.removeListener(name, fn); }
    executeCommand(name, ...args) { this._state.commands.push({ name, args }); }
    getIFrame() { return this._box; }
    dispose() {
      this._state.disposed = true;
      console.log('[fake-jitsi] disposed');
      // Survives the page unloading, so a test can check dispose() ran on the way out.
      try { sessionStorage.setItem('fakeJitsiDisposed', 'true'); } catch (e) {}
      if (this._box) this._box.remove();
    }
  }
  window.JitsiMeetExternalAPI = JitsiMeetExternalAPI;
})();
`;

/** Starts a stand-in Jitsi server on 127.0.0.1 on a free port. */
export async function startFakeJitsi(opts: FakeJitsiOptions = {}): Promise<FakeJitsi> {
  let mode: FakeJitsiScriptMode = opts.script ?? 'ok';
  const held: ServerResponse[] = [];
  const requests: FakeJitsi['requests'] = [];

  const answerScript = (res: ServerResponse) => {
    if (mode === 'hang') {
      held.push(res);
      return;
    }
    if (mode === 'missing') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (mode === 'wrong-type') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Welcome to nginx!</title>');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'application/javascript; charset=utf-8',
        'cache-control': 'no-store',
      })
      .end(FAKE_EXTERNAL_API_JS);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path });
    if (path === '/external_api.js') return answerScript(res);
    if (path === '/') {
      res
        .writeHead(opts.rootStatus ?? 200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>Jitsi Meet</title>');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  let server: Server;
  let cert: string | undefined;
  if (opts.https) {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    cert = pems.cert;
    server = createHttpsServer({ key: pems.private, cert: pems.cert }, handler);
  } else {
    server = createHttpServer(handler);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${opts.https ? 'https' : 'http'}://127.0.0.1:${port}`,
    cert,
    requests,
    setScriptMode(next) {
      mode = next;
      for (const res of held.splice(0)) answerScript(res);
    },
    async close() {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
