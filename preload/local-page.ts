/**
 * The preload of the app's own local pages (incoming-call popup, screen picker): exposes
 * `window.peaceLocal`. Main answers each channel only to the page it belongs to.
 */
import { contextBridge } from 'electron';
import type { SettingsView } from '../contract/ipc.js';
import { invoke, send, value } from './ipc-client.js';

/** The object local pages see as `window.peaceLocal`. */
export const localPageApi = {
  incomingCall: {
    getView: () => value('popup/get-view'),
    answer: (accepted: boolean) => send('popup/answer', accepted),
  },
  screenPicker: {
    getSources: () => value('picker/get-sources'),
    choose: (sourceId: string | null) => send('picker/choose', sourceId),
  },
  settings: {
    get: () => value('settings/get'),
    /** Answers the result object: the page shows `setting_locked` / `invalid_arguments` to the user. */
    set: (key: keyof SettingsView['values'], newValue: string | boolean) =>
      invoke('settings/set', key, newValue),
  },
};

/** The type local pages' scripts are written against. */
export type LocalPageApi = typeof localPageApi;

contextBridge.exposeInMainWorld('peaceLocal', localPageApi);
