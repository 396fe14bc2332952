import { type CheckResult, fail, pass } from './check-result.js';
import { splitList } from './env-file.js';

/** Values of the backend configuration these checks compare. */
export interface JitsiCredentials {
  serverUrl?: string;
  appId?: string;
  appSecret?: string;
  audience: string;
}

const SET = 'JITSI_APP_ID and JITSI_APP_SECRET are set';
const MIN_SECRET_LENGTH = 32;

/** The backend's own half: both values present, the secret long enough to resist guessing. */
export function checkCredentialsSet(c: JitsiCredentials): CheckResult {
  const missing = [!c.appId && 'JITSI_APP_ID', !c.appSecret && 'JITSI_APP_SECRET'].filter(
    (p): p is string => typeof p === 'string',
  );
  if (missing.length > 0) {
    return fail(
      SET,
      `${missing.join(' and ')} not set`,
      'Set JITSI_APP_ID and JITSI_APP_SECRET to the values of JWT_APP_ID and JWT_APP_SECRET in jitsi.env.',
    );
  }
  if ((c.appSecret ?? '').length < MIN_SECRET_LENGTH) {
    return fail(
      SET,
      `JITSI_APP_SECRET has ${c.appSecret?.length} characters; anyone who guesses it can join any call`,
      `Use at least ${MIN_SECRET_LENGTH} random characters (openssl rand -hex 32) in both JITSI_APP_SECRET and JWT_APP_SECRET.`,
    );
  }
  return pass(SET, `app id "${c.appId}", secret of ${c.appSecret?.length} characters`);
}

const isOn = (v: string | undefined) => /^(1|true|yes)$/i.test(v?.trim() ?? '');

/** Compares the backend with the Jitsi deployment's jitsi.env, where most silent call failures come from. */
export function checkAgainstJitsiEnv(c: JitsiCredentials, jitsiEnv: Record<string, string>): CheckResult[] {
  const rows: CheckResult[] = [];

  const authName = 'jitsi.env turns on JWT authentication';
  const authProblems = [
    !isOn(jitsiEnv.ENABLE_AUTH) && 'ENABLE_AUTH is not 1',
    jitsiEnv.AUTH_TYPE !== 'jwt' && `AUTH_TYPE is "${jitsiEnv.AUTH_TYPE ?? ''}", not jwt`,
    isOn(jitsiEnv.ENABLE_GUESTS) && 'ENABLE_GUESTS is on (anyone with the address can join without a token)',
  ].filter((p): p is string => typeof p === 'string');
  rows.push(
    authProblems.length === 0
      ? pass(authName, 'ENABLE_AUTH=1, AUTH_TYPE=jwt, guests off')
      : fail(
          authName,
          authProblems.join('; '),
          'In jitsi.env set ENABLE_AUTH=1, AUTH_TYPE=jwt, ENABLE_GUESTS=0, then recreate the containers (docker compose up -d).',
        ),
  );

  const sameName = "JWT_APP_ID and JWT_APP_SECRET in jitsi.env equal the backend's";
  const differ = [
    jitsiEnv.JWT_APP_ID !== c.appId &&
      `JWT_APP_ID is "${jitsiEnv.JWT_APP_ID ?? ''}" but JITSI_APP_ID is "${c.appId ?? ''}"`,
    jitsiEnv.JWT_APP_SECRET !== c.appSecret && 'JWT_APP_SECRET differs from JITSI_APP_SECRET',
  ].filter((p): p is string => typeof p === 'string');
  rows.push(
    differ.length === 0
      ? pass(sameName, 'both equal')
      : fail(
          sameName,
          differ.join('; '),
          'Copy JWT_APP_ID and JWT_APP_SECRET from jitsi.env into JITSI_APP_ID and JITSI_APP_SECRET (or the other way round), then restart what changed.',
        ),
  );

  const acceptName = 'jitsi.env accepts the token issuer and audience';
  const issuers = splitList(jitsiEnv.JWT_ACCEPTED_ISSUERS);
  const audiences = splitList(jitsiEnv.JWT_ACCEPTED_AUDIENCES);
  // An empty list means Jitsi accepts any value there.
  const refused = [
    issuers.length > 0 &&
      !issuers.includes(c.appId ?? '') &&
      `JWT_ACCEPTED_ISSUERS (${issuers.join(',')}) lacks "${c.appId ?? ''}"`,
    audiences.length > 0 &&
      !audiences.includes(c.audience) &&
      `JWT_ACCEPTED_AUDIENCES (${audiences.join(',')}) lacks "${c.audience}"`,
  ].filter((p): p is string => typeof p === 'string');
  rows.push(
    refused.length === 0
      ? pass(acceptName, `issuer "${c.appId ?? ''}", audience "${c.audience}"`)
      : fail(
          acceptName,
          refused.join('; '),
          'Put JITSI_APP_ID into JWT_ACCEPTED_ISSUERS and JITSI_AUDIENCE into JWT_ACCEPTED_AUDIENCES in jitsi.env, then recreate the containers.',
        ),
  );

  const urlName = "PUBLIC_URL in jitsi.env is the backend's JITSI_SERVER_URL";
  const publicUrl = originOf(jitsiEnv.PUBLIC_URL);
  const serverUrl = originOf(c.serverUrl);
  rows.push(
    publicUrl && publicUrl === serverUrl
      ? pass(urlName, publicUrl)
      : fail(
          urlName,
          `PUBLIC_URL is "${jitsiEnv.PUBLIC_URL ?? ''}", JITSI_SERVER_URL is "${c.serverUrl ?? ''}"`,
          'Both must be the one public HTTPS address of Jitsi, e.g. https://meet.example.org.',
        ),
  );
  return rows;
}

function originOf(raw: string | undefined): string | null {
  try {
    return raw ? new URL(raw).origin : null;
  } catch {
    return null;
  }
}
