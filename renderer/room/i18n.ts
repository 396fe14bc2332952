/** The languages of the room page; Jitsi gets the same one. */
export type Lang = 'zh-CN' | 'en';

/** zh-CN for any Chinese browser language, English otherwise. */
export function pickLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const en = {
  pageTitle: 'Peace Messenger call',
  connecting: 'Connecting to the video server {server}…',
  retry: 'Try again',
  rejoin: 'Rejoin the call',
  badParamsTitle: 'This call link is incomplete',
  badParamsBody: 'The link is missing or has a malformed {what}. Open the call again from the chat.',
  paramRoom: 'room name',
  paramJwt: 'access token',
  paramServer: 'video server address',
  listJoin: ', ',
  expiredTitle: 'This call link has expired',
  expiredBody:
    'The access token in this link expired at {time}. Open the call again from the chat to get a fresh link.',
  timeoutTitle: 'The video server does not answer',
  timeoutBody:
    'The Jitsi script did not load from {server} within {seconds} seconds. Check your network connection, or ask your administrator whether the Jitsi server is running.',
  loadFailedTitle: 'Could not load the video server',
  loadFailedBody:
    'The Jitsi script could not be loaded from {server}: the server is unreachable, not a Jitsi server, or not the one this installation is configured for. Ask your administrator to run "npm run doctor".',
  tokenRefusedTitle: 'The video server refused access',
  tokenRefusedBody:
    'The video server {server} did not accept this call\'s access token. This is a setup problem on the server, not on your side: please tell your administrator, who can find the cause with "npm run doctor".',
  fatalTitle: 'The video call failed',
  fatalBody: 'The Jitsi server {server} reported an error: {detail}.',
  endedTitle: 'The call has ended',
  endedBody: 'You can close this window.',
};

const zhCN: typeof en = {
  pageTitle: '和平信使通话',
  connecting: '正在连接视频服务器 {server}…',
  retry: '重试',
  rejoin: '重新加入通话',
  badParamsTitle: '通话链接不完整',
  badParamsBody: '链接缺少{what}，或其格式不正确。请从聊天中重新打开通话。',
  paramRoom: '房间名',
  paramJwt: '访问令牌',
  paramServer: '视频服务器地址',
  listJoin: '、',
  expiredTitle: '通话链接已过期',
  expiredBody: '此链接中的访问令牌已于 {time} 过期。请从聊天中重新打开通话以获取新链接。',
  timeoutTitle: '视频服务器没有响应',
  timeoutBody:
    '在 {seconds} 秒内未能从 {server} 加载 Jitsi 脚本。请检查网络连接，或询问管理员 Jitsi 服务器是否正在运行。',
  loadFailedTitle: '无法加载视频服务器',
  loadFailedBody:
    '无法从 {server} 加载 Jitsi 脚本：服务器无法访问、不是 Jitsi 服务器，或不是本系统配置的服务器。请让管理员运行 npm run doctor 检查配置。',
  tokenRefusedTitle: '视频服务器拒绝了访问',
  tokenRefusedBody:
    '视频服务器 {server} 不接受此通话的访问令牌。这是服务器的配置问题，不是你这边的问题：请告知管理员，管理员可以运行 npm run doctor 找出原因。',
  fatalTitle: '视频通话失败',
  fatalBody: 'Jitsi 服务器 {server} 报告了错误：{detail}。',
  endedTitle: '通话已结束',
  endedBody: '你可以关闭此窗口。',
};

export type MessageKey = keyof typeof en;

/** A translator for `lang`: `t('connecting', { server })`. */
export function translator(lang: Lang): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const table = lang === 'zh-CN' ? zhCN : en;
  return (key, vars = {}) =>
    table[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
