/**
 * A stand-in for the parts of Electron main uses, recording what main does with them. The real
 * binary cannot run here; setup-electron.ts mocks 'electron' with this module once for the whole
 * `desktop` project (as electron/fiddle does), and resets it before each test.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let nextContentsId = 1;

/** A preventable event, as Electron passes to 'close' and 'will-navigate'. */
export function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  id = nextContentsId++;
  url = '';
  sent: Array<[string, unknown]> = [];
  audioMuted = false;
  windowOpenHandler?: (details: { url: string }) => { action: string };
  readonly mainFrame: { url: string; parent: null };

  constructor() {
    super();
    const contents = this;
    this.mainFrame = {
      get url() {
        return contents.url;
      },
      parent: null,
    };
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  sentOn(channel: string): unknown[] {
    return this.sent.filter(([c]) => c === channel).map(([, payload]) => payload);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  setAudioMuted(muted: boolean) {
    this.audioMuted = muted;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible: boolean;
  focusCount = 0;
  flashing = false;
  alwaysOnTop = false;
  loadedUrl: string | null = null;
  loadedFile: string | null = null;
  /** Taskbar/dock progress: -1 when none is shown. */
  progress = -1;

  constructor(readonly options: Record<string, any> = {}) {
    super();
    this.visible = options.show !== false;
    this.alwaysOnTop = options.alwaysOnTop === true;
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  static open(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: FakeWebContents) {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  loadFile(path: string) {
    this.loadedFile = path;
    this.webContents.url = pathToFileURL(path).href;
    this.emit('ready-to-show');
    return Promise.resolve();
  }
  close() {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.visible = true;
  }
  showInactive() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  focus() {
    this.focusCount++;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  flashFrame(flag: boolean) {
    this.flashing = flag;
  }
  setAlwaysOnTop(flag: boolean) {
    this.alwaysOnTop = flag;
  }
  setVisibleOnAllWorkspaces() {}
  setProgressBar(value: number) {
    this.progress = value;
  }
}

type Handler = (event: any, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new FakeIpcMain();

/** Invokes `channel` as if `window`'s page (or the frame at `frameUrl`) called it. */
export function invokeFrom(
  window: FakeBrowserWindow,
  channel: string,
  args: unknown[] = [],
  frame: { url?: string; parent?: unknown } = {},
): Promise<any> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const senderFrame = { url: frame.url ?? window.webContents.url, parent: frame.parent ?? null };
  return Promise.resolve(handler({ sender: window.webContents, senderFrame }, ...args));
}

class FakeApp extends EventEmitter {
  sandboxed = false;
  quitCalls = 0;
  badgeCount = 0;
  protocols: string[] = [];
  /** A fresh folder per test (the settings screen writes config.json there). */
  userData = mkdtempSync(join(tmpdir(), 'peace-userdata-'));
  languages = ['en-US'];
  /** False as when run from source; update tests set it. */
  isPackaged = false;
  loginItem: { openAtLogin?: boolean } | null = null;
  bounces: Array<{ id: number; cancelled: boolean }> = [];
  dock = {
    bounce: () => {
      const bounce = { id: this.bounces.length + 1, cancelled: false };
      this.bounces.push(bounce);
      return bounce.id;
    },
    cancelBounce: (id: number) => {
      const bounce = this.bounces.find((b) => b.id === id);
      if (bounce) bounce.cancelled = true;
    },
  };
  enableSandbox() {
    this.sandboxed = true;
  }
  requestSingleInstanceLock() {
    return true;
  }
  quit() {
    this.quitCalls++;
  }
  exit() {}
  whenReady() {
    return Promise.resolve();
  }
  getPath() {
    return this.userData;
  }
  getPreferredSystemLanguages() {
    return this.languages;
  }
  setBadgeCount(count: number) {
    this.badgeCount = count;
    return true;
  }
  setAsDefaultProtocolClient(scheme: string) {
    this.protocols.push(scheme);
    return true;
  }
  setAppUserModelId() {}
  setLoginItemSettings(settings: { openAtLogin?: boolean }) {
    this.loginItem = settings;
  }
}
export const app = new FakeApp();

class FakeSession {
  permissionRequestHandler: any = null;
  permissionCheckHandler: any = null;
  displayMediaRequestHandler: any = null;
  setPermissionRequestHandler(handler: any) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: any) {
    this.permissionCheckHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: any) {
    this.displayMediaRequestHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

export class Notification extends EventEmitter {
  static all: Notification[] = [];
  shown = false;
  closed = false;
  constructor(readonly options: Record<string, any>) {
    super();
    Notification.all.push(this);
  }
  static isSupported() {
    return true;
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
    this.emit('close');
  }
}

export class Tray extends EventEmitter {
  static all: Tray[] = [];
  image: unknown;
  toolTip = '';
  menu: { items: any[] } | null = null;
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.all.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.toolTip = text;
  }
  setContextMenu(menu: { items: any[] }) {
    this.menu = menu;
  }
}

export const Menu = {
  buildFromTemplate: (items: any[]) => ({ items }),
};

export const nativeImage = {
  createFromBitmap: (buffer: Buffer, options: { width: number; height: number }) => ({ buffer, ...options }),
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable() {
    return this.available;
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
  encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
  decryptString: (data: Buffer) => {
    const text = data.toString();
    if (!text.startsWith('sealed:')) throw new Error('not ours');
    return Buffer.from(text.slice(7), 'base64').toString();
  },
};

export const dialog = {
  shown: [] as unknown[],
  showMessageBox(options: unknown) {
    this.shown.push(options);
    return Promise.resolve({ response: 1, checkboxChecked: false });
  },
};

export const systemPreferences = {
  getMediaAccessStatus: () => 'granted',
  askForMediaAccess: () => Promise.resolve(true),
};

export const desktopCapturer = {
  getSources: () =>
    Promise.resolve(
      ['screen:0:0', 'window:42:0'].map((id) => ({
        id,
        name: id.startsWith('screen') ? 'Screen 1' : 'Editor',
        thumbnail: { toDataURL: () => 'data:image/png;base64,AAAA' },
      })),
    ),
};

export const screen = {
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
};

export const webContents = {
  fromFrame: (frame: unknown) =>
    FakeBrowserWindow.all.find((w) => w.webContents.mainFrame === frame)?.webContents,
};

/** What preloads exposed with `contextBridge.exposeInMainWorld`. */
export const contextBridge = {
  exposed: {} as Record<string, any>,
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed[key] = api;
  },
};

/**
 * The renderer side: `invoke` reaches the handlers main registered on the fake `ipcMain`, as if sent
 * by `ipcRenderer.window`'s page; `emit` plays a main → renderer event.
 */
export const ipcRenderer = {
  window: null as FakeBrowserWindow | null,
  listeners: new EventEmitter(),
  invoke(channel: string, ...args: unknown[]) {
    if (!this.window) throw new Error('ipcRenderer.window is not set');
    return invokeFrom(this.window, channel, args);
  },
  on(channel: string, listener: (...args: any[]) => void) {
    this.listeners.on(channel, listener);
    return this;
  },
  removeListener(channel: string, listener: (...args: any[]) => void) {
    this.listeners.off(channel, listener);
    return this;
  },
  emit(channel: string, payload: unknown) {
    this.listeners.emit(channel, {}, payload);
  },
};

/** Forgets every window, handler and recording (called before each test). */
export function resetFakeElectron(): void {
  FakeBrowserWindow.all = [];
  Notification.all = [];
  Tray.all = [];
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  app.removeAllListeners();
  Object.assign(app, {
    sandboxed: false,
    quitCalls: 0,
    badgeCount: 0,
    protocols: [],
    bounces: [],
    languages: ['en-US'],
    isPackaged: false,
    loginItem: null,
  });
  rmSync(app.userData, { recursive: true, force: true });
  app.userData = mkdtempSync(join(tmpdir(), 'peace-userdata-'));
  session.defaultSession = new FakeSession();
  shell.opened = [];
  dialog.shown = [];
  Object.assign(safeStorage, { available: true, backend: 'gnome_libsecret' });
  ipcRenderer.window = null;
}

export { FakeBrowserWindow as BrowserWindow };
