/**
 * IT policy as administrators deliver it: Group Policy registry values (`reg query` output faked,
 * in the exact format Windows prints), managed preferences via plutil (faked), the policy file.
 * Broken policy is reported and ignored; it never stops the app.
 */
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../main/config/load-settings.js';
import { MANAGED_PREFERENCES_PLIST, type PolicySystem } from '../../main/config/policy-sources.js';
import {
  POLICY_DOMAIN,
  POLICY_REGISTRY_KEY,
  parseRegQuery,
  policyFilePath,
  policyLayer,
} from '../../main/policy/it-policy.js';

const REG_HKLM = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\PeaceMessenger',
  '    ServerUrl    REG_SZ    https://chat.corp.example',
  '    UpdatesEnabled    REG_DWORD    0x0',
  '    UpdateChannel    REG_SZ    beta',
  '',
].join('\r\n');

function fakeSystem(over: Partial<PolicySystem> & { files?: Record<string, string> }): PolicySystem {
  const files = over.files ?? {};
  return {
    platform: 'linux',
    env: {},
    run: () => null,
    readText: (path) => files[path] ?? null,
    ...over,
  };
}

describe('reg query output', () => {
  it('reads strings and DWORDs, and skips the key line and other types', () => {
    expect(
      parseRegQuery(
        `${REG_HKLM}    Blob    REG_BINARY    00FF\r\n    Name With Spaces    REG_SZ    a  b\r\n`,
      ),
    ).toEqual({
      ServerUrl: 'https://chat.corp.example',
      UpdatesEnabled: 0,
      UpdateChannel: 'beta',
      'Name With Spaces': 'a  b',
    });
  });
});

describe('loading policy per platform', () => {
  it('Windows: Group Policy in HKLM wins over HKCU and the policy file, and locks what it sets', () => {
    const system = fakeSystem({
      platform: 'win32',
      env: { ProgramData: 'C:\\ProgramData' },
      run: (command, args) => {
        expect(command).toBe('reg');
        if (args[1]?.startsWith('HKLM')) return REG_HKLM;
        return 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\PeaceMessenger\r\n    StartAtLogin    REG_DWORD    0x1\r\n    ServerUrl    REG_SZ    https://user-gpo.example\r\n';
      },
      files: {
        'C:\\ProgramData\\PeaceMessenger\\policy.json':
          '{"serverUrl":"https://file.example","doNotDisturb":true}',
      },
    });
    const { settings, locked, warnings } = loadSettings('/nowhere', ['--server=https://cli.example'], system);
    expect(settings).toMatchObject({
      serverUrl: 'https://chat.corp.example',
      updatesEnabled: false,
      updateChannel: 'beta',
      startAtLogin: true,
      doNotDisturb: true,
    });
    expect(locked.sort()).toEqual([
      'doNotDisturb',
      'serverUrl',
      'startAtLogin',
      'updateChannel',
      'updatesEnabled',
    ]);
    expect(warnings).toEqual([]);
  });

  it('Windows without any policy key: reg fails, the command line decides, nothing locked', () => {
    const { settings, locked } = loadSettings(
      '/nowhere',
      ['--server=https://cli.example'],
      fakeSystem({ platform: 'win32' }),
    );
    expect(settings.serverUrl).toBe('https://cli.example');
    expect(locked).toEqual([]);
  });

  it('macOS: managed preferences (read through plutil) win over the policy file', () => {
    const system = fakeSystem({
      platform: 'darwin',
      run: (command, args) => {
        expect([command, ...args]).toEqual([
          'plutil',
          '-convert',
          'json',
          '-o',
          '-',
          MANAGED_PREFERENCES_PLIST,
        ]);
        return '{"ServerUrl":"https://mdm.example","UpdateUrl":"https://updates.example/peace"}';
      },
      files: {
        [MANAGED_PREFERENCES_PLIST]: 'bplist00…',
        '/Library/Application Support/PeaceMessenger/policy.json': '{"serverUrl":"https://file.example"}',
      },
    });
    const { settings, locked } = loadSettings('/nowhere', [], system);
    expect(settings.serverUrl).toBe('https://mdm.example');
    expect(settings.updateUrl).toBe('https://updates.example/peace');
    expect(locked.sort()).toEqual(['serverUrl', 'updateUrl']);
  });

  it('Linux: /etc/peace-messenger/policy.json locks over the command line and the user file', () => {
    const system = fakeSystem({
      files: {
        '/etc/peace-messenger/policy.json': '{"$schema":"x","serverUrl":"https://chat.corp.example/"}',
        '/home/u/.config/Peace Messenger/config.json': '{"serverUrl":"https://mine.example","language":"en"}',
      },
    });
    const { settings, locked, warnings } = loadSettings(
      '/home/u/.config/Peace Messenger',
      ['--server=https://cli.example'],
      system,
    );
    expect(settings.serverUrl).toBe('https://chat.corp.example');
    expect(settings.language).toBe('en');
    expect(locked).toEqual(['serverUrl']);
    expect(warnings).toEqual([]);
  });

  it('a malformed policy file, an unknown key or a broken plist is reported and ignored, never fatal', () => {
    const broken = loadSettings(
      '/u',
      ['--server=https://cli.example'],
      fakeSystem({ files: { '/etc/peace-messenger/policy.json': '{"serverUrl": ' } }),
    );
    expect(broken.settings.serverUrl).toBe('https://cli.example');
    expect(broken.locked).toEqual([]);
    expect(broken.warnings).toEqual(['Ignoring /etc/peace-messenger/policy.json: not valid JSON']);

    const notObject = loadSettings(
      '/u',
      [],
      fakeSystem({ files: { '/etc/peace-messenger/policy.json': '["https://x.example"]' } }),
    );
    expect(notObject.warnings).toEqual([
      'Ignoring /etc/peace-messenger/policy.json: not a JSON object of policy values',
    ]);

    const typo = loadSettings(
      '/u',
      [],
      fakeSystem({
        files: {
          '/etc/peace-messenger/policy.json':
            '{"serverURL":"https://a.example","sevrerUrl":"https://b.example"}',
        },
      }),
    );
    expect(typo.settings.serverUrl).toBe('https://a.example'); // names are case-insensitive
    expect(typo.warnings).toEqual(['Ignoring unknown policy sevrerUrl in /etc/peace-messenger/policy.json']);

    const plist = loadSettings(
      '/u',
      [],
      fakeSystem({ platform: 'darwin', files: { [MANAGED_PREFERENCES_PLIST]: 'garbage' } }),
    );
    expect(plist.warnings).toEqual([`Ignoring ${MANAGED_PREFERENCES_PLIST}: not a readable plist`]);
  });

  it('keeps the policy file where each platform keeps machine-wide settings', () => {
    expect(policyFilePath('linux', {})).toBe('/etc/peace-messenger/policy.json');
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/PeaceMessenger/policy.json');
    expect(policyFilePath('win32', { ProgramData: 'D:\\PD' })).toBe('D:\\PD\\PeaceMessenger\\policy.json');
    expect(policyFilePath('win32', {})).toBe('C:\\ProgramData\\PeaceMessenger\\policy.json');
  });

  it('names the registry key and the managed-preferences domain the ADMX and profiles use', () => {
    // What docs/IT.md and the generated templates tell administrators: changing either strands every policy.
    expect(POLICY_REGISTRY_KEY).toBe('SOFTWARE\\Policies\\PeaceMessenger');
    expect(POLICY_DOMAIN).toBe('org.peacemessenger.desktop');
  });
});

describe('policy values', () => {
  it('takes names in any case, skips editor and profile keys, and reports the rest', () => {
    expect(
      policyLayer(
        { serverurl: 'https://a.example', $schema: 'x', PayloadUUID: 'y', MyPayload: 1, Bogus: 2 },
        'src',
      ),
    ).toEqual({
      layer: { source: 'src', values: { serverUrl: 'https://a.example' } },
      warnings: ['Ignoring unknown policy MyPayload in src', 'Ignoring unknown policy Bogus in src'],
    });
  });

  it('refuses anything but an object of values', () => {
    for (const values of [null, [1], 'text', 3]) {
      expect(policyLayer(values, 'src')).toEqual({
        layer: null,
        warnings: ['Ignoring src: not a JSON object of policy values'],
      });
    }
  });

  it('reads QWORDs as numbers, lines ending in \\n alone, and only whole lines', () => {
    const output = [
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\PeaceMessenger',
      '    RingSeconds    REG_QWORD    0x1e',
      '    Theme    REG_EXPAND_SZ    dark  ',
      'X    Inline    REG_SZ    no',
      '    Short  REG_SZ  no',
    ].join('\n');
    expect(parseRegQuery(output)).toEqual({ RingSeconds: 30, Theme: 'dark' });
  });
});
