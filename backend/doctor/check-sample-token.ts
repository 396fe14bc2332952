import { createVerifier } from 'fast-jwt';
import { createJitsiTokenSigner, type JitsiTokenSettings } from '../jitsi/token.js';
import { type CheckResult, fail, pass } from './check-result.js';

const NAME = 'a sample token carries the claims Jitsi needs';
const SAMPLE_ROOM = 'doctor-sample-room';

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Signs a token for a sample room with the backend's own signer and checks what prosody's token
 * verification requires (docs/CONTRACT.md, "The Jitsi JWT"). `jitsiSecret` (JWT_APP_SECRET of jitsi.env, when
 * known) is the key Jitsi will verify the signature with.
 */
export function checkSampleToken(
  settings: Partial<JitsiTokenSettings> & Omit<JitsiTokenSettings, 'appId' | 'appSecret'>,
  jitsiSecret?: string,
): CheckResult {
  const { appId, appSecret } = settings;
  if (!appId || !appSecret) {
    return fail(
      NAME,
      'not checked: JITSI_APP_ID or JITSI_APP_SECRET is not set',
      'Set JITSI_APP_ID and JITSI_APP_SECRET first.',
    );
  }
  const now = Math.floor(Date.now() / 1000);
  const token = createJitsiTokenSigner({ ...settings, appId, appSecret })(SAMPLE_ROOM, {
    id: 'doctor',
    name: 'Peace Messenger doctor',
    moderator: true,
  });
  const [headerPart, payloadPart] = token.split('.');
  const header = decodePart(headerPart);
  const claims = decodePart(payloadPart);
  const user = (claims.context as { user?: Record<string, unknown> } | undefined)?.user ?? {};

  const problems = [
    header.alg !== 'HS256' && `header alg is ${String(header.alg)}, not HS256`,
    header.typ !== 'JWT' && `header typ is ${String(header.typ)}, not JWT`,
    claims.iss !== appId && 'iss is not JITSI_APP_ID',
    claims.aud !== settings.audience && 'aud is not JITSI_AUDIENCE',
    (typeof claims.sub !== 'string' || !claims.sub) && 'sub is missing',
    claims.room !== SAMPLE_ROOM && `room is ${JSON.stringify(claims.room)}, not the sample room`,
    !(typeof claims.exp === 'number' && claims.exp > now) && 'exp is not in the future',
    !(typeof claims.nbf === 'number' && claims.nbf <= now) && 'nbf is not in the past',
    (typeof user.id !== 'string' || typeof user.name !== 'string') && 'context.user.id/name are not strings',
    typeof user.moderator !== 'boolean' && 'context.user.moderator is not a boolean',
  ].filter((p): p is string => typeof p === 'string');

  const key = jitsiSecret ?? appSecret;
  try {
    createVerifier({ key, algorithms: ['HS256'] })(token);
  } catch {
    problems.push(
      jitsiSecret
        ? 'its signature does not verify with JWT_APP_SECRET of jitsi.env'
        : 'its signature does not verify',
    );
  }
  if (problems.length > 0) {
    return fail(
      NAME,
      problems.join('; '),
      jitsiSecret && problems.length === 1 && problems[0]?.startsWith('its signature')
        ? 'Make JITSI_APP_SECRET equal JWT_APP_SECRET in jitsi.env.'
        : 'Check JITSI_AUDIENCE, JITSI_SUBJECT and JITSI_TOKEN_TTL_SECONDS; if they are right this is a bug in backend/jitsi/token.ts.',
    );
  }
  const ttl = Number(claims.exp) - now;
  return pass(
    NAME,
    `room "${SAMPLE_ROOM}", iss "${appId}", aud "${String(claims.aud)}", sub "${String(claims.sub)}", valid ${ttl} s`,
  );
}
