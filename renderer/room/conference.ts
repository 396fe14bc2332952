import type { Lang } from './i18n.js';
import type { JitsiApi, JitsiApiConstructor } from './load-external-api.js';
import type { RoomParams } from './params.js';

/** What the page does when the conference changes state. */
export interface ConferenceHandlers {
  joined(): void;
  /** The user hung up or Jitsi closed the conference (reported once). */
  ended(): void;
  /** A fatal Jitsi error; `tokenRefused` when Jitsi would not accept the JWT. */
  failed(error: { tokenRefused: boolean; detail: string }): void;
}

/** Shape of Jitsi's `errorOccurred` event data. */
interface JitsiError {
  name?: string;
  message?: string;
  type?: string;
  isFatal?: boolean;
}

// Jitsi's names for "your token was not accepted" (XMPP auth failed, or the conference refused the user).
const TOKEN_REFUSED = /passwordRequired|notAllowed|authenticationRequired|authFailed|token/i;

/** Starts Jitsi full-window in `parentNode` and routes its events to `handlers`. */
export function startConference(
  Api: JitsiApiConstructor,
  params: RoomParams,
  lang: Lang,
  parentNode: HTMLElement,
  handlers: ConferenceHandlers,
): JitsiApi {
  const api = new Api(params.domain, {
    roomName: params.room,
    jwt: params.jwt,
    parentNode,
    width: '100%',
    height: '100%',
    lang: lang === 'zh-CN' ? 'zhCN' : 'en',
  });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    handlers.ended();
  };
  api.addListener('videoConferenceJoined', () => handlers.joined());
  api.addListener('videoConferenceLeft', end);
  api.addListener('readyToClose', end);
  api.addListener('errorOccurred', (data) => {
    const error = (data ?? {}) as JitsiError;
    if (!error.isFatal) return;
    const detail = [error.name, error.message].filter(Boolean).join(': ') || 'unknown error';
    handlers.failed({
      tokenRefused: TOKEN_REFUSED.test(`${error.name ?? ''} ${error.message ?? ''}`),
      detail,
    });
  });
  return api;
}
