/** Logs a failure the user cannot act on: what failed, and the error's message (no stack, no casts). */
export function logFailure(what: string, error: unknown): void {
  console.error(`${what}:`, error instanceof Error ? error.message : error);
}
