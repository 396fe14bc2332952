/**
 * A `peace-messenger://room/…` link can come from any web page or chat message, so it never joins a
 * call on its own: the user sees which room it names and says yes first (Cancel is the default).
 */
import { dialog } from 'electron';
import type { Strings } from './i18n.js';

/** Asks whether to join the call of `roomId`; true only for an explicit "Join". */
export async function confirmJoinFromLink(strings: Strings, roomId: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: strings.deepLinkTitle,
    message: strings.deepLinkTitle,
    detail: strings.deepLinkDetail(roomId),
    buttons: [strings.deepLinkJoin, strings.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
