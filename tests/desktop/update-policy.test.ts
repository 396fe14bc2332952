import { describe, expect, it } from 'vitest';
import { resolveDesktopSettings } from '../../main/config/desktop-config.js';
import { planUpdates } from '../../main/updates/update-policy.js';

const settings = (policy: Record<string, unknown>, userConfig: Record<string, unknown> = {}) =>
  resolveDesktopSettings({ argv: [], env: {}, policies: [{ source: 'policy', values: policy }], userConfig })
    .settings;

describe('update policy', () => {
  it('checks the configured generic feed on the pinned channel', () => {
    expect(planUpdates(settings({ updateUrl: 'https://updates.corp.example/peace/' }), true)).toEqual({
      enabled: true,
      feed: { provider: 'generic', url: 'https://updates.corp.example/peace', channel: 'latest' },
      allowPrerelease: false,
    });
    const beta = planUpdates(settings({ updateUrl: 'https://u.example', updateChannel: 'beta' }), true);
    expect(beta).toMatchObject({ enabled: true, feed: { channel: 'beta' }, allowPrerelease: true });
  });

  it('IT switching updates off wins over a user who switched them on', () => {
    const off = settings({ updatesEnabled: false, updateUrl: 'https://u.example' }, { updatesEnabled: true });
    expect(planUpdates(off, true)).toEqual({ enabled: false, reason: 'disabled' });
  });

  it('a pinned channel cannot be changed by the user file', () => {
    const pinned = settings(
      { updateUrl: 'https://u.example', updateChannel: 'latest' },
      { updateChannel: 'beta' },
    );
    expect(planUpdates(pinned, true)).toMatchObject({ feed: { channel: 'latest' } });
  });

  it('no update URL, or running from source: nothing to check', () => {
    expect(planUpdates(settings({}), true)).toEqual({ enabled: false, reason: 'no-update-url' });
    expect(planUpdates(settings({ updateUrl: 'https://u.example' }), false)).toEqual({
      enabled: false,
      reason: 'not-packaged',
    });
  });
});
