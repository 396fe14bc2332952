/**
 * The call room page: `/room/{room_id}#jwt=…&server=…` → Jitsi full-window, or a screen that says
 * in the user's language what went wrong and what to do.
 */
import type {} from '../../contract/desktop-bridge';
import './room.css';
import { savedTheme } from '../src/lib/theme.js';
import { startConference } from './conference.js';
import { pickLang, translator } from './i18n.js';
import { jwtExpired, jwtExpiry } from './jwt-expiry.js';
import { reportLeave } from './leave.js';
import { type JitsiApi, loadExternalApi } from './load-external-api.js';
import { readRoomParams } from './params.js';
import { showScreen } from './screens.js';

/** How long external_api.js may take before the page says the server does not answer. */
const SCRIPT_TIMEOUT_MS = 20_000;

const lang = pickLang(navigator.language);
const t = translator(lang);
// The chat's theme choice (same origin in a browser; in the desktop app nativeTheme already follows it).
document.documentElement.dataset.theme = savedTheme();
document.documentElement.lang = lang;
document.title = t('pageTitle');

const stage = document.getElementById('room') as HTMLElement;
const screenHost = document.getElementById('screen') as HTMLElement;
const retry = { label: t('retry'), run: () => location.reload() };

let api: JitsiApi | null = null;
let inConference = false;

function disposeApi(): void {
  api?.dispose();
  api = null;
}

function main(): void {
  const result = readRoomParams(location);
  if (!result.ok) {
    const names = { room: t('paramRoom'), jwt: t('paramJwt'), server: t('paramServer') };
    const what = result.problems.map((p) => names[p]).join(t('listJoin'));
    showScreen(screenHost, {
      id: 'bad-params',
      title: t('badParamsTitle'),
      body: t('badParamsBody', { what }),
    });
    return;
  }
  const params = result.params;
  if (jwtExpired(params.jwt)) {
    const time = jwtExpiry(params.jwt)?.toLocaleString(lang) ?? '';
    showScreen(screenHost, { id: 'expired', title: t('expiredTitle'), body: t('expiredBody', { time }) });
    return;
  }

  showScreen(screenHost, {
    id: 'connecting',
    title: t('pageTitle'),
    body: t('connecting', { server: params.server }),
    busy: true,
  });
  loadExternalApi(params.server, SCRIPT_TIMEOUT_MS).then(
    (Api) => {
      showScreen(screenHost, null);
      api = startConference(Api, params, lang, stage, {
        joined: () => {
          inConference = true;
        },
        ended: () => {
          inConference = false;
          reportLeave(params.room, params.jwt);
          disposeApi();
          closeWindow();
          // Still here when the window may not close itself (a tab the user opened).
          showScreen(screenHost, {
            id: 'ended',
            title: t('endedTitle'),
            body: t('endedBody'),
            action: { label: t('rejoin'), run: () => location.reload() },
          });
        },
        failed: ({ tokenRefused, detail }) => {
          // A fatal error after joining drops the user out of the conference: that is a leave too.
          if (inConference) reportLeave(params.room, params.jwt);
          inConference = false;
          disposeApi();
          if (tokenRefused) {
            // End users read a plain sentence; the configuration names are for whoever opens the console.
            console.warn(
              "Jitsi refused the call token: the backend's JITSI_APP_ID / JITSI_APP_SECRET must equal JWT_APP_ID / JWT_APP_SECRET in jitsi.env (run `npm run doctor`).",
            );
          }
          showScreen(
            screenHost,
            tokenRefused
              ? {
                  id: 'token-refused',
                  title: t('tokenRefusedTitle'),
                  body: t('tokenRefusedBody', { server: params.server }),
                  detail,
                  action: retry,
                }
              : {
                  id: 'jitsi-error',
                  title: t('fatalTitle'),
                  body: t('fatalBody', { server: params.server, detail }),
                  action: retry,
                },
          );
        },
      });
    },
    (failure: unknown) => {
      const timedOut = failure === 'timeout';
      showScreen(screenHost, {
        id: timedOut ? 'script-timeout' : 'script-failed',
        title: timedOut ? t('timeoutTitle') : t('loadFailedTitle'),
        body: timedOut
          ? t('timeoutBody', { server: params.server, seconds: SCRIPT_TIMEOUT_MS / 1000 })
          : t('loadFailedBody', { server: params.server }),
        detail: `${params.server}/external_api.js`,
        action: retry,
      });
    },
  );

  // Closing the window mid-call still counts as leaving; Jitsi gets no chance to say so itself.
  window.addEventListener('pagehide', () => {
    if (inConference) reportLeave(params.room, params.jwt);
    inConference = false;
    disposeApi();
  });
}

/** In the desktop app main closes the call window; in a browser only script-opened windows may close. */
function closeWindow(): void {
  if (window.peaceDesktop) {
    window.peaceDesktop.reportCallEnded().catch(() => undefined);
    return;
  }
  window.close();
}

main();
