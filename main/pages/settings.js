// The settings screen: shows each setting, marks the ones IT locked, saves changes through main
// (window.peaceLocal.settings), which refuses locked ones too.
const strings = {
  en: {
    title: 'Settings',
    serverUrl: 'Server URL',
    save: 'Save',
    language: 'Language',
    system: 'Follow the system',
    startAtLogin: 'Start Peace Messenger when I log in',
    doNotDisturb: 'Do not disturb (calls do not ring, no message notifications)',
    updatesEnabled: 'Update automatically',
    updateChannel: 'Update channel',
    latest: 'Stable',
    beta: 'Beta',
    locked: 'Set by your organisation',
    saved: 'Saved.',
    restart: 'Saved. Restart Peace Messenger to apply.',
    setting_locked: 'Your organisation has set this; it cannot be changed here.',
    invalid_arguments: 'That value cannot be used. A server URL starts with https:// or http://.',
    failed: 'Could not save the setting.',
  },
  'zh-CN': {
    title: '设置',
    serverUrl: '服务器地址',
    save: '保存',
    language: '语言',
    system: '跟随系统',
    startAtLogin: '登录时启动和平信使',
    doNotDisturb: '勿扰模式（来电不响铃，不显示消息通知）',
    updatesEnabled: '自动更新',
    updateChannel: '更新通道',
    latest: '稳定版',
    beta: '测试版',
    locked: '由你的组织设定',
    saved: '已保存。',
    restart: '已保存。重新启动和平信使后生效。',
    setting_locked: '此项由你的组织设定，无法在此更改。',
    invalid_arguments: '此值无法使用。服务器地址应以 https:// 或 http:// 开头。',
    failed: '无法保存此设置。',
  },
};

const api = window.peaceLocal.settings;
const byId = (id) => document.getElementById(id);
let text = strings.en;

function render(view) {
  text = strings[view.language] ?? strings.en;
  document.documentElement.lang = view.language;
  document.title = text.title;
  byId('title').textContent = text.title;
  for (const element of document.querySelectorAll('[data-text]'))
    element.textContent = text[element.dataset.text];
  for (const [key, value] of Object.entries(view.values)) {
    const input = byId(key);
    if (input.type === 'checkbox') input.checked = value;
    else input.value = value;
    const locked = view.locked.includes(key);
    const row = document.querySelector(`.setting[data-key="${key}"]`);
    row.classList.toggle('locked', locked);
    for (const control of row.querySelectorAll('input, select, button')) control.disabled = locked;
    row.querySelector('.badge')?.remove();
    if (locked) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = text.locked;
      row.append(badge);
    }
  }
}

async function save(key, value) {
  const result = await api.set(key, value).catch(() => ({ ok: false, error: 'failed' }));
  const message = byId('message');
  if (!result.ok) {
    message.textContent = text[result.error] ?? text.failed;
    message.className = 'notice error';
    return;
  }
  render(result.value);
  message.textContent = result.value.restartNeeded ? text.restart : text.saved;
  message.className = 'notice';
}

api.get().then(render);
byId('saveServer').addEventListener('click', () => save('serverUrl', byId('serverUrl').value.trim()));
byId('serverUrl').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') save('serverUrl', byId('serverUrl').value.trim());
});
byId('form').addEventListener('submit', (event) => event.preventDefault());
for (const key of ['language', 'updateChannel'])
  byId(key).addEventListener('change', (e) => save(key, e.target.value));
for (const key of ['startAtLogin', 'doNotDisturb', 'updatesEnabled'])
  byId(key).addEventListener('change', (e) => save(key, e.target.checked));
