/**
 * What IT departments deploy: the Group Policy templates, the macOS configuration profile and the
 * MSI's SERVER_URL property must be well-formed and name exactly the policy values the app reads.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { resolveDesktopSettings } from '../../main/config/desktop-config.js';
import { SETTING_KEYS, SETTING_SPECS } from '../../main/config/setting-specs.js';
import {
  POLICY_REGISTRY_KEY,
  parseRegQuery,
  policyLayer,
  settingForName,
} from '../../main/policy/it-policy.js';
import { policyTemplateFiles } from '../../scripts/policy-templates.js';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['policy', 'string', 'presentation', 'item'].includes(name),
});
const POLICY_DIR = 'deploy/desktop-policy/windows';
const policyNames = SETTING_KEYS.map((key) => SETTING_SPECS[key].policyName).sort();

describe('Group Policy templates', () => {
  const admxText = read(`${POLICY_DIR}/PeaceMessenger.admx`);
  const policies = parser.parse(admxText).policyDefinitions.policies.policy as any[];

  it('are committed exactly as generated from the setting table', () => {
    for (const [path, text] of Object.entries(policyTemplateFiles())) expect(read(path), path).toBe(text);
  });

  it('the ADMX is well-formed and each policy writes the registry value the app reads', () => {
    expect(XMLValidator.validate(admxText)).toBe(true);
    expect(policies.map((p) => p.name).sort()).toEqual(policyNames);
    for (const policy of policies) {
      expect(policy.key).toBe(POLICY_REGISTRY_KEY);
      const element = policy.elements?.text ?? policy.elements?.enum;
      const valueName = element ? element.valueName : policy.valueName;
      expect(valueName, policy.name).toBe(policy.name);
      expect(settingForName(valueName), valueName).toBeDefined();
    }
  });

  it('each ADML (en-US, zh-CN) is well-formed and defines every string and presentation the ADMX uses', () => {
    const used = (kind: string) =>
      [...admxText.matchAll(new RegExp(`\\$\\(${kind}\\.([A-Za-z_]+)\\)`, 'g'))].map((m) => m[1]);
    for (const lang of ['en-US', 'zh-CN']) {
      const text = read(`${POLICY_DIR}/${lang}/PeaceMessenger.adml`);
      expect(XMLValidator.validate(text)).toBe(true);
      const resources = parser.parse(text).policyDefinitionResources.resources;
      const strings = new Set(resources.stringTable.string.map((s: any) => s.id));
      const presentations = new Set(resources.presentationTable.presentation.map((p: any) => p.id));
      for (const id of used('string')) expect(strings.has(id), `${lang} string ${id}`).toBe(true);
      for (const id of used('presentation'))
        expect(presentations.has(id), `${lang} presentation ${id}`).toBe(true);
    }
    expect(read(`${POLICY_DIR}/zh-CN/PeaceMessenger.adml`)).toContain('服务器地址');
  });
});

describe('macOS configuration profile', () => {
  it('is a well-formed plist whose payload keys are policy names the app reads, and locks the server', () => {
    const text = read('deploy/desktop-policy/macos/org.peacemessenger.desktop.mobileconfig');
    expect(XMLValidator.validate(text)).toBe(true);
    // The inner payload's key/value pairs: what macOS writes to the managed-preferences plist.
    const payload = text.slice(text.indexOf('<array>'), text.indexOf('</array>'));
    const managed: Record<string, unknown> = {};
    for (const [, key, string, bool] of payload.matchAll(
      /<key>([^<]+)<\/key>\s*(?:<string>([^<]*)<\/string>|<(true|false)\/>|<integer>\d+<\/integer>)/g,
    ))
      managed[key!] = bool ? bool === 'true' : string;
    expect(Object.keys(managed).filter((k) => !k.startsWith('Payload')).length).toBeGreaterThan(3);
    const { layer, warnings } = policyLayer(managed, 'profile');
    expect(warnings).toEqual([]);
    const resolved = resolveDesktopSettings({
      argv: ['--server=https://cli.example'],
      env: {},
      policies: [layer!],
    });
    expect(resolved.warnings).toEqual([]);
    expect(resolved.settings.serverUrl).toBe('https://chat.example.org');
    expect(resolved.locked).toEqual([
      'serverUrl',
      'jitsiServerUrl',
      'updatesEnabled',
      'updateUrl',
      'updateChannel',
    ]);
  });
});

describe('MSI SERVER_URL property', () => {
  const require = createRequire(import.meta.url);
  const { addServerUrlProperty } = require('../../build/msi-project-created.cjs');
  // The shape of electron-builder's WiX template around the anchors the hook uses.
  const wxs = `<?xml version="1.0" encoding="UTF-8"?>
<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Product Id="*" Name="Peace Messenger">
  <Feature Id="ProductFeature" Absent="disallow"><ComponentGroupRef Id="ProductComponents"/></Feature>
  <ComponentGroup Id="ProductComponents" Directory="APPLICATIONFOLDER"></ComponentGroup>
</Product></Wix>`;

  it('writes msiexec’s SERVER_URL to the Group Policy value the app reads', () => {
    const out = addServerUrlProperty(wxs);
    expect(XMLValidator.validate(out)).toBe(true);
    const product = parser.parse(out).Wix.Product;
    expect(product.Property).toMatchObject({ Id: 'SERVER_URL', Secure: 'yes' });
    expect(product.Feature.ComponentRef.Id).toBe('PolicyServerUrl');
    const value = product.DirectoryRef.Component.RegistryValue;
    expect(value).toMatchObject({
      Root: 'HKLM',
      Key: POLICY_REGISTRY_KEY,
      Name: SETTING_SPECS.serverUrl.policyName,
      Value: '[SERVER_URL]',
    });
  });

  it('an install without SERVER_URL leaves an empty value, which the app treats as unset', () => {
    for (const line of ['    ServerUrl    REG_SZ    ', '    ServerUrl    REG_SZ']) {
      const layer = policyLayer(
        parseRegQuery(`HKEY_LOCAL_MACHINE\\${POLICY_REGISTRY_KEY}\r\n${line}\r\n`),
        'HKLM',
      ).layer!;
      const resolved = resolveDesktopSettings({
        argv: ['--server=https://cli.example'],
        env: {},
        policies: [layer],
      });
      expect(resolved.settings.serverUrl).toBe('https://cli.example');
      expect(resolved.locked).toEqual([]);
    }
  });

  it('fails the build loudly if electron-builder’s template changes shape', () => {
    expect(() => addServerUrlProperty('<Wix/>')).toThrow(/update this hook/);
  });
});
