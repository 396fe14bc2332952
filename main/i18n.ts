/** Every string main shows to a user, in zh-CN and en, following the system language. */

export type Language = 'zh-CN' | 'en';

/** 'zh-CN' for any Chinese system locale, English otherwise. */
export function pickLanguage(preferred: readonly string[]): Language {
  return preferred[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const en = {
  appName: 'Peace Messenger',
  trayOpen: 'Open Peace Messenger',
  trayDoNotDisturb: 'Do not disturb',
  trayQuit: 'Quit',
  traySettings: 'Settings…',
  settingsTitle: 'Settings',
  trayUnread: (n: number) => `${n} unread`,
  trayInCall: 'In a call',
  incomingTitle: 'Incoming video call',
  incomingBody: (name: string) => `${name} is calling you`,
  accept: 'Accept',
  decline: 'Decline',
  mediaDeniedTitle: 'Camera or microphone blocked',
  mediaDeniedMessage:
    'Peace Messenger may not use your camera or microphone. Allow it in System Settings › Privacy & Security, then rejoin the call.',
  openSettings: 'Open System Settings',
  ok: 'OK',
  callWindowTitle: 'Video call',
  updateDownloading: (percent: number) => `Downloading update… ${percent}%`,
  updateRestart: (version: string) => `Restart to update to ${version}`,
  updateAfterCall: (version: string) => `Update ${version} installs when your call ends`,
  updateReadyTitle: 'Update ready',
  updateReadyBody: (version: string) =>
    `Peace Messenger ${version} is downloaded. Click to restart now, or it installs when you quit.`,
  policyLockedServerTitle: 'Server set by your organisation',
  policyLockedServerBody: (url: string) =>
    `Your IT department has set the server to ${url}; the other server given to this app was not used.`,
  lockedByPolicy: 'Set by your organisation',
};

const zhCN: typeof en = {
  appName: '和平信使',
  trayOpen: '打开和平信使',
  trayDoNotDisturb: '勿扰模式',
  trayQuit: '退出',
  traySettings: '设置…',
  settingsTitle: '设置',
  trayUnread: (n: number) => `${n} 条未读`,
  trayInCall: '通话中',
  incomingTitle: '视频来电',
  incomingBody: (name: string) => `${name} 正在呼叫你`,
  accept: '接听',
  decline: '拒绝',
  mediaDeniedTitle: '摄像头或麦克风被阻止',
  mediaDeniedMessage:
    '和平信使无法使用你的摄像头或麦克风。请在“系统设置 › 隐私与安全性”中允许，然后重新加入通话。',
  openSettings: '打开系统设置',
  ok: '好',
  callWindowTitle: '视频通话',
  updateDownloading: (percent: number) => `正在下载更新… ${percent}%`,
  updateRestart: (version: string) => `重新启动以更新到 ${version}`,
  updateAfterCall: (version: string) => `更新 ${version} 将在通话结束后安装`,
  updateReadyTitle: '更新已就绪',
  updateReadyBody: (version: string) => `和平信使 ${version} 已下载。点击立即重新启动，或在退出时安装。`,
  policyLockedServerTitle: '服务器由你的组织设定',
  policyLockedServerBody: (url: string) =>
    `你的 IT 部门已将服务器设为 ${url}，未使用为本应用指定的其他服务器。`,
  lockedByPolicy: '由你的组织设定',
};

/** The strings of one language. */
export type Strings = typeof en;

/** The string table for `language`. */
export function stringsFor(language: Language): Strings {
  return language === 'zh-CN' ? zhCN : en;
}
