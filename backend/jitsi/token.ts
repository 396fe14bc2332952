import { createSigner, createVerifier } from 'fast-jwt';

/** What Jitsi's prosody token module needs to know about the signer (docs/CONTRACT.md, "The Jitsi JWT"). */
export interface JitsiTokenSettings {
  appId: string;
  appSecret: string;
  audience: string;
  subject: string;
  ttlSeconds: number;
}

/** `context.user` of a Jitsi token: strings except `moderator`. */
export interface JitsiUser {
  id: string;
  name: string;
  avatar?: string;
  email?: string;
  moderator: boolean;
}

/** Claims a verified token is guaranteed to carry. */
export interface JitsiClaims {
  room: string;
  context: { user: { id: string } };
}

/** Jitsi allows no clock skew, so the token is valid from a little before "now". */
const NOT_BEFORE_SKEW_SECONDS = 10;

/**
 * Builds the signer once (fast-jwt caches the key) and returns `sign(roomId, user)`.
 * Claims are set explicitly rather than through fast-jwt's relative options because `nbf` lies in the past.
 */
export function createJitsiTokenSigner(settings: JitsiTokenSettings, clock: () => number = Date.now) {
  // fast-jwt writes the header {alg:'HS256', typ:'JWT'} that prosody requires.
  const signer = createSigner({ key: settings.appSecret, algorithm: 'HS256' });
  return function sign(roomId: string, user: JitsiUser): string {
    const now = Math.floor(clock() / 1000);
    const contextUser: JitsiUser = {
      id: String(user.id),
      name: String(user.name),
      moderator: user.moderator,
    };
    if (user.avatar) contextUser.avatar = String(user.avatar);
    if (user.email) contextUser.email = String(user.email);
    return signer({
      iss: settings.appId,
      aud: settings.audience,
      sub: settings.subject,
      room: roomId,
      iat: now,
      nbf: now - NOT_BEFORE_SKEW_SECONDS,
      exp: now + settings.ttlSeconds,
      context: { user: contextUser },
    });
  };
}

/**
 * Checks a Jitsi token this backend signed (signature, `exp`, `nbf`, `aud`, `iss`); returns its claims
 * or null. Used where the room page proves who it is with the token it already holds.
 */
export function createJitsiTokenVerifier(settings: JitsiTokenSettings) {
  const verify = createVerifier({
    key: settings.appSecret,
    algorithms: ['HS256'],
    allowedAud: settings.audience,
    allowedIss: settings.appId,
    requiredClaims: ['exp', 'room'],
  });
  return function check(token: string): JitsiClaims | null {
    try {
      const claims = verify(token) as Partial<JitsiClaims> & Record<string, unknown>;
      const userId = claims.context?.user?.id;
      if (typeof claims.room !== 'string' || typeof userId !== 'string') return null;
      return { room: claims.room, context: { user: { id: userId } } };
    } catch {
      return null;
    }
  };
}
