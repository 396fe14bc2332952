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
  deepLinkTitle: 'Join a call from a link?',
  deepLinkDetail: (room: string) =>
    `A link asks Peace Messenger to join the call in room "${room}" with your camera and microphone. Join only if you expected this call.`,
  deepLinkJoin: 'Join call',
  cancel: 'Cancel',
};

const zhCN: typeof en = {
  appName: '和平信使',
  trayOpen: '打开和平信使',
  trayDoNotDisturb: '勿扰模式',
  trayQuit: '退出',
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
  deepLinkTitle: '通过链接加入通话？',
  deepLinkDetail: (room: string) =>
    `一个链接请求和平信使使用你的摄像头和麦克风加入房间“${room}”中的通话。仅在你预期此通话时加入。`,
  deepLinkJoin: '加入通话',
  cancel: '取消',
};

/** The strings of one language. */
export type Strings = typeof en;

/** The string table for `language`. */
export function stringsFor(language: Language): Strings {
  return language === 'zh-CN' ? zhCN : en;
}
