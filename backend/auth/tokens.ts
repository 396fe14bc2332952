import { createSigner, createVerifier } from 'fast-jwt';

export interface AccessClaims {
  sub: string;
}

/** Signs and checks access tokens; signer and verifier are built once per secret and reused. */
export function createAccessTokens(secret: string, ttlSeconds: number) {
  const sign = createSigner({
    key: secret,
    algorithm: 'HS256',
    expiresIn: ttlSeconds * 1000,
    iss: 'peace-messenger',
  });
  const verify = createVerifier({
    key: secret,
    algorithms: ['HS256'],
    allowedIss: 'peace-messenger',
    cache: true,
  });
  return {
    issue: (userId: string): string => sign({ sub: userId }),
    /** The user id of a valid token, or null for anything else. */
    userIdOf(token: string): string | null {
      try {
        const claims = verify(token) as Partial<AccessClaims>;
        return typeof claims.sub === 'string' ? claims.sub : null;
      } catch {
        return null;
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
