/**
 * The `exp` claim of a JWT as a Date, read without verification (the Jitsi server verifies it;
 * the page only wants to say "this link expired" instead of letting Jitsi fail obscurely).
 */
export function jwtExpiry(jwt: string): Date | null {
  try {
    const part = jwt.split('.')[1] ?? '';
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  } catch {
    return null;
  }
}

/** True when the token carries an `exp` that lies in the past. */
export function jwtExpired(jwt: string, now = Date.now()): boolean {
  const exp = jwtExpiry(jwt);
  return exp !== null && exp.getTime() <= now;
}
