/**
 * The Group Policy templates (ADMX + ADML in en-US and zh-CN), generated from the same setting
 * table the app reads (main/config/setting-specs.ts), so a policy name can never drift from the
 * registry value the code looks for. `npm run policy-templates` writes deploy/desktop-policy/windows;
 * a test fails when the committed files differ from what this produces.
 */
import {
  SETTING_KEYS,
  SETTING_SPECS,
  type SettingKey,
  UPDATE_CHANNELS,
} from '../main/config/setting-specs.js';
import { POLICY_REGISTRY_KEY } from '../main/policy/it-policy.js';

type Lang = 'en-US' | 'zh-CN';
type Text = { name: string; explain: string; label?: string };

const KINDS: Record<SettingKey, 'text' | 'boolean' | 'language' | 'channel'> = {
  serverUrl: 'text',
  jitsiServerUrl: 'text',
  language: 'language',
  startAtLogin: 'boolean',
  doNotDisturb: 'boolean',
  updatesEnabled: 'boolean',
  updateUrl: 'text',
  updateChannel: 'channel',
};

const LOCKED = {
  'en-US':
    'Users cannot change a setting this policy sets; the settings screen shows it as set by your organisation.',
  'zh-CN': '此策略设定的项用户无法更改；设置页面会显示“由你的组织设定”。',
};

const TEXTS: Record<
  Lang,
  Record<SettingKey, Text> & Record<'category' | 'supported' | 'system' | 'latest' | 'beta', string>
> = {
  'en-US': {
    category: 'Peace Messenger',
    supported: 'Peace Messenger 0.1 and later',
    system: 'Follow the system',
    latest: 'Stable (latest)',
    beta: 'Beta',
    serverUrl: {
      name: 'Server URL',
      label: 'Server URL (https://chat.example.org):',
      explain: 'The Peace Messenger backend every user of this machine connects to.',
    },
    jitsiServerUrl: {
      name: 'Jitsi server URL',
      label: 'Jitsi server URL (https://meet.example.org):',
      explain: 'The only Jitsi server call windows may use.',
    },
    language: { name: 'Language', label: 'Language:', explain: 'The language of the desktop app.' },
    startAtLogin: {
      name: 'Start at login',
      explain: 'Enabled: the app starts when the user logs in. Disabled: it does not.',
    },
    doNotDisturb: {
      name: 'Do not disturb',
      explain:
        'Enabled: incoming calls do not ring and messages show no notifications. Disabled: they ring and notify.',
    },
    updatesEnabled: {
      name: 'Automatic updates',
      explain:
        'Disabled: the app never looks for updates (deploy new versions yourself). Enabled: it checks the update URL in the background and installs on quit.',
    },
    updateUrl: {
      name: 'Update URL',
      label: 'Update URL (https://updates.example.org/peace-messenger):',
      explain:
        'Where the app looks for updates: the folder holding latest.yml and the installers (see docs/IT.md). Without it there are no updates.',
    },
    updateChannel: {
      name: 'Update channel',
      label: 'Channel:',
      explain: 'Pins the update channel: stable (latest.yml) or beta (beta.yml).',
    },
  },
  'zh-CN': {
    category: '和平信使',
    supported: '和平信使 0.1 及更高版本',
    system: '跟随系统',
    latest: '稳定版 (latest)',
    beta: '测试版 (beta)',
    serverUrl: {
      name: '服务器地址',
      label: '服务器地址 (https://chat.example.org)：',
      explain: '本机所有用户连接的和平信使后端。',
    },
    jitsiServerUrl: {
      name: 'Jitsi 服务器地址',
      label: 'Jitsi 服务器地址 (https://meet.example.org)：',
      explain: '通话窗口唯一可以使用的 Jitsi 服务器。',
    },
    language: { name: '语言', label: '语言：', explain: '桌面应用的显示语言。' },
    startAtLogin: { name: '登录时启动', explain: '启用：用户登录时启动应用。禁用：不自动启动。' },
    doNotDisturb: {
      name: '勿扰模式',
      explain: '启用：来电不响铃，消息不显示通知。禁用：来电响铃，消息显示通知。',
    },
    updatesEnabled: {
      name: '自动更新',
      explain: '禁用：应用从不检查更新（由你自行部署新版本）。启用：在后台检查更新地址，并在退出时安装。',
    },
    updateUrl: {
      name: '更新地址',
      label: '更新地址 (https://updates.example.org/peace-messenger)：',
      explain: '应用检查更新的位置：存放 latest.yml 和安装包的目录（见 docs/IT.md）。未设置则不更新。',
    },
    updateChannel: {
      name: '更新通道',
      label: '通道：',
      explain: '锁定更新通道：稳定版 (latest.yml) 或测试版 (beta.yml)。',
    },
  },
};

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function policyElement(key: SettingKey): string {
  const name = SETTING_SPECS[key].policyName;
  const head = `    <policy name="${name}" class="Both" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"`;
  const common = `      <parentCategory ref="PeaceMessenger"/>\n      <supportedOn ref="SUPPORTED_PeaceMessenger"/>`;
  const key_ = `key="${POLICY_REGISTRY_KEY}"`;
  switch (KINDS[key]) {
    case 'boolean':
      return `${head} ${key_} valueName="${name}">\n${common}\n      <enabledValue><decimal value="1"/></enabledValue>\n      <disabledValue><decimal value="0"/></disabledValue>\n    </policy>`;
    case 'text':
      return `${head} presentation="$(presentation.${name})" ${key_}>\n${common}\n      <elements>\n        <text id="${name}" valueName="${name}" required="true"/>\n      </elements>\n    </policy>`;
    default: {
      const values = KINDS[key] === 'language' ? ['system', 'zh-CN', 'en'] : [...UPDATE_CHANNELS];
      const items = values
        .map(
          (value) =>
            `          <item displayName="$(string.${name}_${value.replace('-', '_')})"><value><string>${value}</string></value></item>`,
        )
        .join('\n');
      return `${head} presentation="$(presentation.${name})" ${key_}>\n${common}\n      <elements>\n        <enum id="${name}" valueName="${name}" required="true">\n${items}\n        </enum>\n      </elements>\n    </policy>`;
    }
  }
}

/** PeaceMessenger.admx */
export function admx(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by scripts/policy-templates.ts from main/config/setting-specs.ts: do not edit. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="peacemessenger" namespace="PeaceMessenger.Policies.PeaceMessenger"/>
    <using prefix="windows" namespace="Microsoft.Policies.Windows"/>
  </policyNamespaces>
  <resources minRequiredRevision="1.0"/>
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_PeaceMessenger" displayName="$(string.SUPPORTED_PeaceMessenger)"/>
    </definitions>
  </supportedOn>
  <categories>
    <category name="PeaceMessenger" displayName="$(string.PeaceMessenger)"/>
  </categories>
  <policies>
${SETTING_KEYS.map(policyElement).join('\n')}
  </policies>
</policyDefinitions>
`;
}

/** PeaceMessenger.adml for one language. */
export function adml(lang: Lang): string {
  const t = TEXTS[lang];
  const strings: Array<[string, string]> = [
    ['PeaceMessenger', t.category],
    ['SUPPORTED_PeaceMessenger', t.supported],
  ];
  const presentations: string[] = [];
  for (const key of SETTING_KEYS) {
    const name = SETTING_SPECS[key].policyName;
    const text = t[key];
    strings.push([name, text.name], [`${name}_Explain`, `${text.explain}\n\n${LOCKED[lang]}`]);
    if (KINDS[key] === 'text')
      presentations.push(
        `      <presentation id="${name}"><textBox refId="${name}"><label>${xmlText(text.label ?? '')}</label></textBox></presentation>`,
      );
    if (KINDS[key] === 'language' || KINDS[key] === 'channel') {
      const values = KINDS[key] === 'language' ? (['system', 'zh-CN', 'en'] as const) : UPDATE_CHANNELS;
      for (const value of values) {
        const label =
          value === 'system'
            ? t.system
            : value === 'zh-CN'
              ? '中文（简体）'
              : value === 'en'
                ? 'English'
                : t[value];
        strings.push([`${name}_${value.replace('-', '_')}`, label]);
      }
      presentations.push(
        `      <presentation id="${name}"><dropdownList refId="${name}" noSort="true" defaultItem="0">${xmlText(text.label ?? '')}</dropdownList></presentation>`,
      );
    }
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by scripts/policy-templates.ts: do not edit. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>${xmlText(t.category)}</displayName>
  <description>${xmlText(t.category)}</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${xmlText(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** Every generated file, by path relative to the repository. */
export function policyTemplateFiles(): Record<string, string> {
  return {
    'deploy/desktop-policy/windows/PeaceMessenger.admx': admx(),
    'deploy/desktop-policy/windows/en-US/PeaceMessenger.adml': adml('en-US'),
    'deploy/desktop-policy/windows/zh-CN/PeaceMessenger.adml': adml('zh-CN'),
  };
}
