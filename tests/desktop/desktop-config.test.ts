import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVER_URL,
  itConfigPath,
  resolveDesktopSettings,
} from '../../main/config/desktop-config.js';

const all = {
  argv: ['electron', '.', '--server=https://cli.example/', '--jitsi-server=https://meet-cli.example'],
  env: { PEACE_SERVER_URL: 'https://env.example', PEACE_JITSI_SERVER_URL: 'https://meet-env.example' },
  itConfig: { serverUrl: 'https://it.example', jitsiServerUrl: 'https://meet-it.example' },
  userConfig: { serverUrl: 'https://user.example', jitsiServerUrl: 'https://meet-user.example' },
};

describe('desktop config precedence', () => {
  it('command line > environment > IT file > user file > default', () => {
    expect(resolveDesktopSettings(all).settings).toEqual({
      serverUrl: 'https://cli.example',
      jitsiServerUrl: 'https://meet-cli.example',
    });
    expect(resolveDesktopSettings({ ...all, argv: [] }).settings.serverUrl).toBe('https://env.example');
    expect(resolveDesktopSettings({ ...all, argv: [], env: {} }).settings.serverUrl).toBe(
      'https://it.example',
    );
    expect(resolveDesktopSettings({ ...all, argv: [], env: {}, itConfig: undefined }).settings).toEqual({
      serverUrl: 'https://user.example',
      jitsiServerUrl: 'https://meet-user.example',
    });
    expect(resolveDesktopSettings({ argv: [], env: {} }).settings).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      jitsiServerUrl: null,
    });
  });

  it('skips an unusable value with a warning naming its source and falls through', () => {
    const { settings, warnings } = resolveDesktopSettings({
      argv: ['--server=ftp://x'],
      env: { PEACE_SERVER_URL: 'https://env.example', PEACE_JITSI_SERVER_URL: 'http://meet.example' },
      itConfig: { serverUrl: 42 },
    });
    expect(settings).toEqual({ serverUrl: 'https://env.example', jitsiServerUrl: null });
    expect(warnings).toEqual([
      'Ignoring --server: not a usable URL',
      'Ignoring PEACE_JITSI_SERVER_URL: not a usable URL',
    ]);
  });

  it('normalises to the origin', () => {
    expect(
      resolveDesktopSettings({ argv: ['--server=http://chat.example:9000/some/path'], env: {} }).settings
        .serverUrl,
    ).toBe('http://chat.example:9000');
  });

  it('puts the IT config file where each platform keeps machine-wide settings', () => {
    expect(itConfigPath('linux', {})).toBe('/etc/peace-messenger/config.json');
    expect(itConfigPath('darwin', {})).toBe('/Library/Application Support/PeaceMessenger/config.json');
    expect(itConfigPath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\PeaceMessenger\\config.json');
  });
});
