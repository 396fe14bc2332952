import { type CheckResult, fail, pass } from './check-result.js';
import { type ProbeOptions, probe } from './http-probe.js';

const SERVER = 'JITSI_SERVER_URL is HTTPS and answers';
const SCRIPT = 'external_api.js loads from Jitsi';

const TRUST_FIX =
  "Give the Jitsi server a certificate browsers trust (ENABLE_LETSENCRYPT=1 in jitsi.env). For a private CA, run the doctor with --ca <ca.pem> or NODE_EXTRA_CA_CERTS=<ca.pem>, and install that CA on every user's machine.";

/** Parses JITSI_SERVER_URL; null when unset or not an http(s) URL. */
function parse(raw: string | undefined): URL | null {
  try {
    const url = raw ? new URL(raw) : null;
    return url && /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** Is the Jitsi server there, over HTTPS, and does it serve the IFrame API script the room page loads? */
export async function checkJitsiServer(raw: string | undefined, opts: ProbeOptions): Promise<CheckResult[]> {
  const url = parse(raw);
  if (!url) {
    const detail = raw ? `not an http(s) URL: "${raw}"` : 'not set';
    return [
      fail(
        SERVER,
        detail,
        'Set JITSI_SERVER_URL to the address of your Jitsi server, e.g. https://meet.example.org.',
      ),
      fail(SCRIPT, 'not checked: JITSI_SERVER_URL is not usable', 'Fix JITSI_SERVER_URL first.'),
    ];
  }
  return [await checkServer(url, opts), await checkScript(url, opts)];
}

async function checkServer(url: URL, opts: ProbeOptions): Promise<CheckResult> {
  const answer = await probe(`${url.origin}/`, opts);
  if (!answer.ok) {
    return fail(
      SERVER,
      `${url.origin} did not answer (${answer.error})`,
      answer.tlsProblem
        ? TRUST_FIX
        : 'Start Jitsi (docker compose -f docker-compose.jitsi.yml up -d in deploy/jitsi), and check DNS, the firewall (443/tcp) and the URL.',
    );
  }
  if (url.protocol !== 'https:') {
    return fail(
      SERVER,
      `${url.origin} answers ${answer.status}, but over plain HTTP`,
      'Serve Jitsi over HTTPS and set JITSI_SERVER_URL=https://…: browsers refuse camera and microphone on plain HTTP.',
    );
  }
  if (answer.status >= 400) {
    return fail(
      SERVER,
      `${url.origin} answers ${answer.status}`,
      'Jitsi is reachable but failing: look at `docker compose logs web` in deploy/jitsi.',
    );
  }
  return pass(SERVER, `${url.origin} answers ${answer.status}`);
}

async function checkScript(url: URL, opts: ProbeOptions): Promise<CheckResult> {
  const scriptUrl = `${url.origin}/external_api.js`;
  const answer = await probe(scriptUrl, opts);
  if (!answer.ok) {
    return fail(
      SCRIPT,
      `${scriptUrl}: ${answer.error}`,
      answer.tlsProblem ? TRUST_FIX : 'Make the Jitsi server reachable first.',
    );
  }
  if (answer.status >= 300 && answer.status < 400) {
    return fail(
      SCRIPT,
      `${scriptUrl} redirects (${answer.status}) to ${answer.location ?? '?'}`,
      'Set JITSI_SERVER_URL to the final address of Jitsi (the room page does not follow redirects for scripts under its CSP).',
    );
  }
  if (answer.status !== 200) {
    return fail(
      SCRIPT,
      `${scriptUrl} answers ${answer.status}`,
      'JITSI_SERVER_URL must be the Jitsi Meet web address itself, where /external_api.js is served (not a sub-path or another site).',
    );
  }
  if (!/javascript|ecmascript/i.test(answer.contentType)) {
    return fail(
      SCRIPT,
      `${scriptUrl} answers 200 with content type "${answer.contentType || 'none'}", not JavaScript`,
      "Something other than Jitsi answers on that address (a proxy's default page?): route it to the Jitsi web container.",
    );
  }
  return pass(SCRIPT, `200, ${answer.contentType}`);
}
