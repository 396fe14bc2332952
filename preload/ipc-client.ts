/** Typed `ipcRenderer` calls over the contract, shared by both preloads (each bundles its own copy). */
import { type IpcRendererEvent, ipcRenderer } from 'electron';
import type {
  EventChannel,
  EventChannels,
  InvokeArgs,
  InvokeChannel,
  InvokeChannels,
  InvokeResult,
} from '../contract/ipc.js';

/** The raw result object of `channel`. */
export function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResult<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeResult<C>>;
}

/** The value of `channel`; a refusal rejects with its error code. */
export async function value<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeChannels[C]['result']> {
  const result = await invoke(channel, ...args);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Fire and forget: a refusal is logged, never thrown into the page. */
export async function send<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<void> {
  const result = await invoke(channel, ...args);
  if (!result.ok) console.warn(`peaceDesktop: ${channel} refused (${result.error})`);
}

/**
 * Subscribes to a main → page event. Events that arrive before the page's first listener are kept
 * and replayed to it (a deep link can arrive while the web client is still starting).
 */
export function bufferedEvent<E extends EventChannel>(channel: E) {
  type Listener = (payload: EventChannels[E]) => void;
  const listeners = new Set<Listener>();
  const early: EventChannels[E][] = [];
  ipcRenderer.on(channel, (_event: IpcRendererEvent, payload: EventChannels[E]) => {
    if (listeners.size === 0) early.push(payload);
    for (const listener of listeners) listener(payload);
  });
  return (listener: Listener): (() => void) => {
    listeners.add(listener);
    for (const payload of early.splice(0)) listener(payload);
    return () => listeners.delete(listener);
  };
}
