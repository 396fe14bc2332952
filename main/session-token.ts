/**
 * The saved session (the renderer's JSON of access token, refresh token and expiry), kept across restarts encrypted with safeStorage (Keychain, DPAPI, libsecret /
 * kwallet). Where the OS offers no real encryption (Linux without a secret store falls back to a
 * hard-coded key, "basic_text"), the token lives in memory only and the user signs in again.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';

/** Whether safeStorage encrypts with a key only this user can use. */
function isStrongEncryptionAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/** The session token store at `filePath` (in userData). */
export class SessionTokenStore {
  readonly #filePath: string;
  #memory: string | null = null;
  #warned = false;

  constructor(filePath: string) {
    this.#filePath = filePath;
  }

  /** The stored token, or null. */
  get(): string | null {
    if (this.#memory !== null) return this.#memory;
    if (!isStrongEncryptionAvailable()) return null;
    try {
      this.#memory = safeStorage.decryptString(readFileSync(this.#filePath));
      return this.#memory;
    } catch {
      return null; // no file yet, or written under another OS account: sign in again
    }
  }

  /** Keeps `token` (null signs out and deletes the file). */
  set(token: string | null): void {
    this.#memory = token;
    if (token === null) {
      rmSync(this.#filePath, { force: true });
      return;
    }
    if (!isStrongEncryptionAvailable()) {
      if (!this.#warned)
        console.warn('No OS encryption for the session token; it is kept until the app quits.');
      this.#warned = true;
      return;
    }
    mkdirSync(dirname(this.#filePath), { recursive: true });
    writeFileSync(this.#filePath, safeStorage.encryptString(token), { mode: 0o600 });
  }
}
