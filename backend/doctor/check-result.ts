/** One row of the doctor's table. */
export interface CheckResult {
  /** What was checked, e.g. "JITSI_SERVER_URL is HTTPS and answers". */
  name: string;
  ok: boolean;
  /** What was found (never a secret). */
  detail: string;
  /** For a failure: the one thing to do about it. */
  fix?: string;
}

export const pass = (name: string, detail: string): CheckResult => ({ name, ok: true, detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  name,
  ok: false,
  detail,
  fix,
});
