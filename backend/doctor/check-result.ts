/** One row of the doctor's table. */
export interface CheckResult {
  /** What was checked, e.g. "JITSI_SERVER_URL is HTTPS and answers". */
  name: string;
  ok: boolean;
  /** What was found (never a secret). */
  detail: string;
  /** For a failure or a warning: the one thing to do about it. */
  fix?: string;
  /**
   * Fine for a local trial, needed before production (ok stays true: the exit code does not fail).
   * Failures, by contrast, are wrong now.
   */
  beforeProduction?: boolean;
}

export const pass = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  name,
  ok: false,
  detail,
  fix,
});

/** Works now, but must be fixed before other people use this server. */
export const beforeProduction = (name: string, detail: string, fix: string): CheckResult => ({
  name,
  ok: true,
  detail,
  fix,
  beforeProduction: true,
});
