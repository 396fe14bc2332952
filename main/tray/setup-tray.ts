/** The tray icon: unread badge, "in call" mark, and the Open / Do not disturb / Quit menu. */
import { app, Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { Strings } from '../i18n.js';
import { drawTrayIcon, type TrayState } from './tray-icon.js';

const ICON_SIZE = 32;

/** What the tray menu does. */
export interface TrayOptions {
  strings: Strings;
  showMain(): void;
  setDoNotDisturb(on: boolean): void;
  /** IT policy set do-not-disturb: the menu shows it but cannot change it. */
  doNotDisturbLocked?: boolean;
  quit(): void;
}

/** The tray and its current state. */
export interface TrayController {
  readonly tray: Tray;
  update(change: Partial<TrayState>): void;
  state(): TrayState;
  /** Items shown above Quit by other features (the update status, Settings…). */
  setExtraItems(owner: string, items: MenuItemConstructorOptions[]): void;
}

/** Creates the tray icon. */
export function setupTray(options: TrayOptions): TrayController {
  const { strings } = options;
  let state: TrayState = { unread: 0, inCall: false, doNotDisturb: false };
  const image = () =>
    nativeImage.createFromBitmap(drawTrayIcon(state, ICON_SIZE), { width: ICON_SIZE, height: ICON_SIZE });
  const tray = new Tray(image());
  const extraItems = new Map<string, MenuItemConstructorOptions[]>();

  const render = () => {
    tray.setImage(image());
    const parts = [strings.appName];
    if (state.inCall) parts.push(strings.trayInCall);
    if (state.unread > 0) parts.push(strings.trayUnread(state.unread));
    tray.setToolTip(parts.join(' · '));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: strings.trayOpen, click: () => options.showMain() },
        {
          label: strings.trayDoNotDisturb,
          type: 'checkbox',
          checked: state.doNotDisturb,
          enabled: options.doNotDisturbLocked !== true,
          click: (item) => {
            options.setDoNotDisturb(item.checked);
            update({ doNotDisturb: item.checked });
          },
        },
        ...[...extraItems.values()].flat(),
        { type: 'separator' },
        { label: strings.trayQuit, click: () => options.quit() },
      ]),
    );
    // The dock (macOS) and Unity launchers (Linux) show the same count.
    app.setBadgeCount(state.unread);
  };
  const update = (change: Partial<TrayState>) => {
    state = { ...state, ...change };
    render();
  };

  tray.on('click', () => options.showMain());
  render();
  const setExtraItems = (owner: string, items: MenuItemConstructorOptions[]) => {
    extraItems.set(owner, items);
    render();
  };
  return { tray, update, state: () => state, setExtraItems };
}
