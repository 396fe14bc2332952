import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionTokenStore } from '../../main/session-token.js';
import { safeStorage } from './fake-electron.js';

const tokenFile = () => join(mkdtempSync(join(tmpdir(), 'peace-token-')), 'session-token.bin');

describe('session token', () => {
  it('survives a restart, encrypted on disk', () => {
    const file = tokenFile();
    new SessionTokenStore(file).set('secret-access-token');
    expect(readFileSync(file).toString()).not.toContain('secret-access-token');
    expect(new SessionTokenStore(file).get()).toBe('secret-access-token');
  });

  it('signing out deletes it', () => {
    const file = tokenFile();
    const store = new SessionTokenStore(file);
    store.set('secret-access-token');
    store.set(null);
    expect(existsSync(file)).toBe(false);
    expect(new SessionTokenStore(file).get()).toBeNull();
  });

  it('without real OS encryption (Linux basic_text) keeps it in memory only', () => {
    safeStorage.backend = 'basic_text';
    const originalPlatform = process.platform;
    Object.defineProperty(process, 'platform', { value: 'linux' });
    try {
      const file = tokenFile();
      const store = new SessionTokenStore(file);
      store.set('secret-access-token');
      expect(store.get()).toBe('secret-access-token');
      expect(existsSync(file)).toBe(false);
      expect(new SessionTokenStore(file).get()).toBeNull();
    } finally {
      Object.defineProperty(process, 'platform', { value: originalPlatform });
    }
  });

  it('a file it cannot decrypt (another account, corrupted) means signed out', () => {
    const file = tokenFile();
    new SessionTokenStore(file).set('secret-access-token');
    safeStorage.decryptString = () => {
      throw new Error('cannot decrypt');
    };
    try {
      expect(new SessionTokenStore(file).get()).toBeNull();
    } finally {
      safeStorage.decryptString = (data: Buffer) =>
        Buffer.from(data.toString().slice(7), 'base64').toString();
    }
  });
});
