import { createSigner, createVerifier } from 'fast-jwt';

/** Who issues access tokens and for what: a token made for anything else (e.g. Jitsi) is refused. */
const ACCESS_ISSUER = 'peace-messenger';
const ACCESS_AUDIENCE = 'peace-messenger/api';

/** What a valid access token proves: this user, through this server-side session, until `expiresAt`. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Signs and checks access tokens; signer and verifier are built once per secret and reused. A token is
 * only half of the proof: its `sid` must still name a live session row (plugins/auth.ts), which is
 * what sign-out deletes.
 */
export function createAccessTokens(secret: string, ttlSeconds: number) {
  const sign = createSigner({
    key: secret,
    algorithm: 'HS256',
    expiresIn: ttlSeconds * 1000,
    iss: ACCESS_ISSUER,
    aud: ACCESS_AUDIENCE,
  });
  const verify = createVerifier({
    key: secret,
    algorithms: ['HS256'],
    allowedIss: ACCESS_ISSUER,
    allowedAud: ACCESS_AUDIENCE,
    // Without these a correctly signed token that simply omits `exp` would never expire.
    requiredClaims: ['exp', 'iss', 'aud', 'sub', 'sid'],
    cache: true,
  });
  return {
    ttlSeconds,
    issue: (userId: string, sessionId: string): string => sign({ sub: userId, sid: sessionId }),
    /** The claims of a valid token, or null for anything else. */
    claimsOf(token: string): AccessClaims | null {
      try {
        const claims = verify(token) as { sub?: unknown; sid?: unknown; exp?: unknown };
        if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
        if (typeof claims.exp !== 'number') return null;
        return { userId: claims.sub, sessionId: claims.sid, expiresAt: claims.exp * 1000 };
      } catch {
        return null;
      }
    },
    /** True when the token is genuine but past its `exp`: the client should refresh, not sign in again. */
    isExpired(token: string): boolean {
      try {
        verify(token);
        return false;
      } catch (err) {
        // fast-jwt checks the signature before the claims, so only a token we signed gets this far.
        return (err as { code?: unknown }).code === 'FAST_JWT_EXPIRED';
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
