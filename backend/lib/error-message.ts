/** The message of anything thrown: an Error's own message, else the value as text (no `as Error` casts). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
