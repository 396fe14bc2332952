/** `npm run dist` tells in one line when a build will be unsigned or not notarised; signing comes only from the environment. */
import { describe, expect, it } from 'vitest';
import { signingNotice } from '../../scripts/signing.mjs';

describe('signing notice', () => {
  it('an unsigned build says so in one line, naming the variables to set', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const notice = signingNotice(platform, {});
      expect(notice).toMatch(/unsigned/i);
      expect(notice!.split('\n')).toHaveLength(1);
    }
    expect(signingNotice('win32', {})).toContain('CSC_LINK');
    expect(signingNotice('darwin', {})).toContain('CSC_LINK');
  });

  it('Windows with a certificate in the environment is signed: nothing to say', () => {
    expect(signingNotice('win32', { CSC_LINK: 'base64…', CSC_KEY_PASSWORD: 'x' })).toBeNull();
    expect(signingNotice('win32', { WIN_CSC_LINK: 'base64…' })).toBeNull();
  });

  it('macOS signed but without notarisation credentials says so; with them, nothing', () => {
    const signed = { CSC_LINK: 'base64…', CSC_KEY_PASSWORD: 'x' };
    expect(signingNotice('darwin', signed)).toMatch(/NOT notarised/);
    expect(
      signingNotice('darwin', {
        ...signed,
        APPLE_ID: 'a',
        APPLE_APP_SPECIFIC_PASSWORD: 'b',
        APPLE_TEAM_ID: 'c',
      }),
    ).toBeNull();
    expect(
      signingNotice('darwin', {
        ...signed,
        APPLE_API_KEY: 'k.p8',
        APPLE_API_KEY_ID: 'i',
        APPLE_API_ISSUER: 'j',
      }),
    ).toBeNull();
    // half a credential set is not enough
    expect(signingNotice('darwin', { ...signed, APPLE_ID: 'a' })).toMatch(/NOT notarised/);
  });

  it('an empty secret (an unset CI secret) counts as unset', () => {
    expect(signingNotice('win32', { CSC_LINK: '', WIN_CSC_LINK: '' })).toMatch(/UNSIGNED/);
  });
});
