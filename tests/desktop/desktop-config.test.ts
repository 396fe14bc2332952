import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, resolveDesktopSettings } from '../../main/config/desktop-config.js';

const all = {
  argv: ['electron', '.', '--server=https://cli.example/', '--jitsi-server=https://meet-cli.example'],
  env: { PEACE_SERVER_URL: 'https://env.example', PEACE_JITSI_SERVER_URL: 'https://meet-env.example' },
  policies: [{ source: 'policy.json', values: { serverUrl: 'https://it.example', language: 'zh-CN' } }],
  userConfig: {
    serverUrl: 'https://user.example',
    jitsiServerUrl: 'https://meet-user.example',
    language: 'en',
    startAtLogin: true,
  },
};

describe('desktop config precedence', () => {
  it('policy > command line > environment > user file > default', () => {
    const resolved = resolveDesktopSettings(all);
    expect(resolved.settings.serverUrl).toBe('https://it.example');
    expect(resolved.settings.jitsiServerUrl).toBe('https://meet-cli.example');
    expect(resolved.settings.language).toBe('zh-CN');
    expect(resolved.settings.startAtLogin).toBe(true);
    expect(resolveDesktopSettings({ ...all, policies: [] }).settings.serverUrl).toBe('https://cli.example');
    expect(resolveDesktopSettings({ ...all, policies: [], argv: [] }).settings.serverUrl).toBe(
      'https://env.example',
    );
    expect(resolveDesktopSettings({ ...all, policies: [], argv: [], env: {} }).settings).toMatchObject({
      serverUrl: 'https://user.example',
      jitsiServerUrl: 'https://meet-user.example',
      language: 'en',
    });
    expect(resolveDesktopSettings({ argv: [], env: {} }).settings).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      jitsiServerUrl: null,
      language: 'system',
      startAtLogin: false,
      doNotDisturb: false,
      updatesEnabled: true,
      updateUrl: null,
      updateChannel: 'latest',
    });
  });

  it('locks exactly what policy set, and the first policy layer wins', () => {
    const resolved = resolveDesktopSettings({
      ...all,
      policies: [
        { source: 'HKLM', values: { updatesEnabled: 0 } },
        { source: 'policy.json', values: { updatesEnabled: true, serverUrl: 'https://it.example' } },
      ],
    });
    expect(resolved.settings.updatesEnabled).toBe(false);
    expect(resolved.locked.sort()).toEqual(['serverUrl', 'updatesEnabled']);
    expect(resolveDesktopSettings({ ...all, policies: [] }).locked).toEqual([]);
  });

  it('reports a locked setting the command line or environment asked to change, not a matching one', () => {
    expect(resolveDesktopSettings(all).overridden).toEqual(['serverUrl']);
    const same = {
      ...all,
      argv: ['--server=https://it.example/'],
      env: { PEACE_SERVER_URL: 'https://it.example' },
    };
    expect(resolveDesktopSettings(same).overridden).toEqual([]);
    // a user file that disagrees is expected (IT took over later): no notice
    expect(resolveDesktopSettings({ ...all, argv: [], env: {} }).overridden).toEqual([]);
  });

  it('skips an unusable value with a warning naming its source and falls through, unlocked', () => {
    const { settings, warnings, locked } = resolveDesktopSettings({
      argv: ['--server=ftp://x'],
      env: { PEACE_SERVER_URL: 'https://env.example', PEACE_JITSI_SERVER_URL: 'http://meet.example' },
      policies: [{ source: 'policy.json', values: { serverUrl: 42, updateChannel: 'nightly' } }],
    });
    expect(settings).toMatchObject({ serverUrl: 'https://env.example', jitsiServerUrl: null });
    expect(settings.updateChannel).toBe('latest');
    expect(locked).toEqual([]);
    expect(warnings).toEqual([
      'Ignoring ServerUrl in policy.json: 42 is not a usable serverUrl',
      'Ignoring --server: "ftp://x" is not a usable serverUrl',
      'Ignoring PEACE_JITSI_SERVER_URL: "http://meet.example" is not a usable jitsiServerUrl',
      'Ignoring UpdateChannel in policy.json: "nightly" is not a usable updateChannel',
    ]);
  });

  it('normalises the server to its origin and keeps the update URL’s path', () => {
    const { settings } = resolveDesktopSettings({
      argv: ['--server=http://chat.example:9000/some/path'],
      env: { PEACE_UPDATE_URL: 'https://updates.example.org/peace/' },
    });
    expect(settings.serverUrl).toBe('http://chat.example:9000');
    expect(settings.updateUrl).toBe('https://updates.example.org/peace');
  });
});
