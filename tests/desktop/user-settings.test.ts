import { describe, expect, it } from 'vitest';
import { applyUserChange } from '../../main/config/user-settings.js';

describe('saving a setting from the settings screen', () => {
  it('refuses a setting IT locked, whatever the value', () => {
    expect(applyUserChange({}, 'serverUrl', 'https://mine.example', ['serverUrl'])).toEqual({
      ok: false,
      error: 'setting_locked',
    });
  });

  it('refuses an unusable value and keeps the rest of the file', () => {
    expect(applyUserChange({ language: 'en' }, 'serverUrl', 'chat.example.org', [])).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(applyUserChange({}, 'updateChannel', 'nightly', [])).toMatchObject({ ok: false });
  });

  it('normalises and merges into the user file', () => {
    const change = applyUserChange({ language: 'en' }, 'serverUrl', 'https://chat.example.org/app/', [
      'updateUrl',
    ]);
    expect(change).toEqual({
      ok: true,
      key: 'serverUrl',
      value: 'https://chat.example.org',
      config: { language: 'en', serverUrl: 'https://chat.example.org' },
    });
  });

  it('a broken user file is replaced, not a reason to lose the change', () => {
    expect(applyUserChange(['junk'], 'doNotDisturb', true, [])).toMatchObject({
      ok: true,
      config: { doNotDisturb: true },
    });
  });
});
