/**
 * Typed `ipcMain.handle` with the trust checks in one place: the sender must be one of our windows
 * with a role allowed on the channel, the message must come from its main frame showing the page
 * that role may show, and the arguments must narrow to the contract. Handlers answer result objects.
 */
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type {
  EventChannel,
  EventChannels,
  InvokeArgs,
  InvokeChannel,
  InvokeChannels,
  InvokeResult,
} from '../../contract/ipc.js';
import { logFailure } from '../log-failure.js';
import { isSenderUrlAllowed, type WindowRole } from '../policy/url-policy.js';
import type { WindowEntry, WindowRegistry } from '../windows/window-registry.js';
import { parseArgs } from './validate-args.js';

/** A successful answer. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** What a handler knows about who is asking. */
export interface IpcSender {
  entry: WindowEntry;
  event: IpcMainInvokeEvent;
}

/** One channel's roles and implementation. */
export interface HandlerSpec<C extends InvokeChannel> {
  roles: readonly WindowRole[];
  run(sender: IpcSender, ...args: InvokeArgs<C>): InvokeResult<C> | Promise<InvokeResult<C>>;
}

/** Where the checks look: our windows, the backend origin, the local pages folder. */
export interface TrustAnchors {
  registry: WindowRegistry;
  backendOrigin: string;
  pagesDirUrl: string;
}

/** Finds which of our windows sent `event`, or null when the sender is not trusted for `roles`. */
function trustedSender(
  event: IpcMainInvokeEvent,
  roles: readonly WindowRole[],
  anchors: TrustAnchors,
): WindowEntry | null {
  const entry = anchors.registry.forContents(event.sender);
  const frame = event.senderFrame;
  if (!entry || !roles.includes(entry.role) || !frame || frame.parent !== null) return null;
  return isSenderUrlAllowed(entry.role, frame.url, anchors.backendOrigin, anchors.pagesDirUrl) ? entry : null;
}

/** Registers the handler of `channel`. */
function handle<C extends InvokeChannel>(channel: C, spec: HandlerSpec<C>, anchors: TrustAnchors): void {
  ipcMain.handle(channel, async (event, ...raw: unknown[]): Promise<InvokeResult<C>> => {
    const entry = trustedSender(event, spec.roles, anchors);
    if (!entry) return { ok: false, error: 'sender_not_allowed' };
    const args = parseArgs(channel, raw);
    if (!args) return { ok: false, error: 'invalid_arguments' };
    try {
      return await spec.run({ entry, event }, ...args);
    } catch (error) {
      logFailure(`IPC ${channel} failed`, error);
      return { ok: false, error: 'internal_error' };
    }
  });
}

/** Sends a contract event to a window, if it is still there. */
export function sendEvent<E extends EventChannel>(
  window: BrowserWindow | undefined,
  channel: E,
  payload: EventChannels[E],
): void {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
}

/** Handler specs for every channel: the mapped type makes a forgotten channel a compile error. */
export type HandlerTable = { [C in keyof InvokeChannels]: HandlerSpec<C> };

/** Registers a full table. */
export function handleAll(table: HandlerTable, anchors: TrustAnchors): void {
  for (const channel of Object.keys(table) as InvokeChannel[]) {
    handle(channel, table[channel] as HandlerSpec<typeof channel>, anchors);
  }
}
