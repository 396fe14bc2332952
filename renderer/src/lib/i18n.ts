/**
 * Every string the chat UI shows, in English and Simplified Chinese. The zh-CN table is typed from the
 * English one, so a string missing from either language fails the type check.
 */

const en = {
  appName: 'Peace Messenger',
  tagline: 'Chat and video calls on your own server',
  signIn: 'Sign in',
  signUp: 'Create account',
  signOut: 'Sign out',
  signOutEverywhere: 'Sign out everywhere',
  blockUser: 'Block',
  unblockUser: 'Unblock',
  blockUserHint: 'Block {name}: no messages, calls or online status between you',
  signOutEverywhereHint: 'Sign out on every device and browser where this account is signed in',
  username: 'Username',
  password: 'Password',
  displayName: 'Display name',
  noAccount: 'New here?',
  haveAccount: 'Already have an account?',
  usernameHint: '3–32 letters, digits, "_", "." or "-"',
  passwordHint: 'At least 8 characters',
  errBadCredentials: 'Wrong username or password.',
  errUsernameTaken: 'That username is taken. Try another one.',
  errInvalidSignup: 'Check the fields: {details}',
  errRateLimited: 'You are doing that too often. Wait a minute and try again.',
  errBlocked: 'You cannot contact this user.',
  errNetwork: 'The server could not be reached. Check your connection.',
  errGeneric: 'Something went wrong: {message}',
  working: 'Please wait…',
  conversations: 'Chats',
  newChat: 'New chat',
  noConversations: 'No chats yet. Start one with "New chat".',
  noConversationSelected: 'Pick a chat on the left, or start a new one.',
  you: 'You',
  online: 'Online',
  offline: 'Offline',
  members: '{count} members',
  unread: '{count} unread',
  loadOlder: 'Load earlier messages',
  loadingOlder: 'Loading…',
  startOfConversation: 'This is the beginning of the conversation.',
  noMessages: 'No messages yet. Say hello!',
  messagePlaceholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending…',
  sendFailed: 'Not sent.',
  retry: 'Retry',
  discard: 'Discard',
  newChatTitle: 'Start a chat',
  directTab: 'Person',
  groupTab: 'Group',
  searchUsers: 'Search people by name',
  noUsersFound: 'Nobody found.',
  groupTitle: 'Group name',
  groupMembers: 'Members',
  createGroup: 'Create group',
  cancel: 'Cancel',
  close: 'Close',
  startVideoCall: 'Start a video call',
  calling: 'Calling {name}',
  ringing: 'Ringing…',
  startingCall: 'Starting the call…',
  connected: 'Connected',
  hangUp: 'Cancel call',
  callDeclined: '{name} declined the call.',
  callBusy: '{name} is busy in another call.',
  callNoAnswer: 'No answer.',
  callCancelled: 'Call cancelled.',
  callEnded: 'Call ended.',
  callFailed: 'The call could not be started: {reason}',
  callNotConfigured: 'video calls are not set up on this server.',
  callAlreadyInCall: 'you are already in a call.',
  callInProgress: 'a call is already going on in this chat.',
  callWindowBlocked: 'The call window was blocked. Allow pop-ups for this site and try again.',
  incomingCall: 'Incoming video call',
  incomingFrom: '{name} is calling you',
  incomingGroup: 'in {title}',
  accept: 'Accept',
  decline: 'Decline',
  callNoLongerRinging: 'That call is no longer ringing.',
  notifyIncomingTitle: 'Incoming video call',
  notifyIncomingBody: '{name} is calling you',
  enableNotifications: 'Get notified about calls when this tab is in the background.',
  enableNotificationsButton: 'Turn on',
  reconnecting: 'Connection lost. Reconnecting…',
  connecting: 'Connecting…',
  callOutcomeEnded: 'Video call · {duration}',
  callOutcomeMissedIncoming: 'Missed video call',
  callOutcomeMissedOutgoing: 'Video call · no answer',
  callOutcomeDeclinedIncoming: 'You declined a video call',
  callOutcomeDeclinedOutgoing: 'Video call declined',
  callOutcomeDeclinedGroup: 'Video call declined',
  callOutcomeCancelledIncoming: 'Missed video call (cancelled)',
  callOutcomeCancelledOutgoing: 'Video call cancelled',
  callOutcomeBusy: 'Video call · busy',
  someone: 'Someone',
  yesterday: 'Yesterday',
  // ---- interface finish (issue 14): themes, errors by code, counters, accessibility ----
  listSeparator: ', ',
  backToChats: 'Back to chats',
  themeSystem: 'Theme: as the system',
  themeLight: 'Theme: light',
  themeDark: 'Theme: dark',
  themeHint: 'Change the colour theme',
  fieldMessage: 'Message',
  fieldProblem: '{field}: {problem}',
  ruleMaxLength: 'at most {limit} characters',
  ruleMinLength: 'at least {limit} characters',
  ruleRequired: 'required',
  ruleInvisible: 'must not contain invisible or text-direction control characters',
  ruleMaxItems: 'at most {limit}',
  ruleMinItems: 'at least {limit}',
  ruleInvalid: 'not valid',
  errCheck: 'Please check: {details}',
  errSessionExpired: 'Your session has expired. Sign in again.',
  contactRequestLabel: 'Contact request',
  contactRequestText: '{name} wants to contact you. Calls and your online status stay off until you accept.',
  contactRequestAccept: 'Accept',
  contactRequestDecline: 'Decline',
  errContactRequestPending: 'They have not accepted your contact request yet, so you cannot call them.',
  errSessionReused:
    'This sign-in was used on another device, so it was ended for your safety. Sign in again.',
  errUserNotFound: 'That person no longer exists.',
  errNotFound: 'That chat no longer exists.',
  errNotAMember: 'You are not a member of this chat.',
  errSelfConversation: 'You cannot start a chat with yourself.',
  errNoMembers: 'Pick at least one member.',
  errEmptyTitle: 'Give the group a name.',
  errEmptyMessage: 'The message is empty.',
  errTooLarge: 'That is too much to send at once.',
  errServer: 'The server had a problem. Try again in a moment.',
  errUnknown: 'Something went wrong (error code: {code}).',
  charCount: '{count} / {max}',
  tooLong: 'Too long by {over} characters: shorten it to send.',
  nearLimit: '{left} characters left.',
  messageLabel: 'Message',
  messagesLabel: 'Messages',
  conversationsLabel: 'Chats',
  openChat: 'Open chat with {name}',
  selected: 'selected',
  // ---- live calls (issue 9) ----
  callEveryoneBusy: 'everyone in this group is in another call.',
  callBusyMembers: 'Busy in another call: {names}',
  liveCallActive: 'Video call',
  liveCallRinging: 'Video call · ringing',
  liveCallMarker: 'Call in progress',
  joinCall: 'Join',
  returnToCall: 'Return to call',
  hangUpCall: 'Hang up',
  switchCallTitle: 'Leave the current call and join?',
  switchCallBody: 'You are in a call in {title}. Joining this one leaves it.',
  switchCallConfirm: 'Leave and join',
} as const;

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  appName: '和平信使',
  tagline: '在自己的服务器上聊天和视频通话',
  signIn: '登录',
  signUp: '注册账号',
  signOut: '退出登录',
  signOutEverywhere: '退出所有设备',
  blockUser: '屏蔽',
  unblockUser: '取消屏蔽',
  blockUserHint: '屏蔽 {name}：你们之间将不再有消息、通话和在线状态',
  signOutEverywhereHint: '在所有已登录此账号的设备和浏览器上退出登录',
  username: '用户名',
  password: '密码',
  displayName: '昵称',
  noAccount: '第一次使用？',
  haveAccount: '已经有账号？',
  usernameHint: '3–32 个字母、数字、"_"、"." 或 "-"',
  passwordHint: '至少 8 个字符',
  errBadCredentials: '用户名或密码错误。',
  errUsernameTaken: '该用户名已被占用，请换一个。',
  errInvalidSignup: '请检查填写内容：{details}',
  errRateLimited: '操作过于频繁，请稍等一分钟再试。',
  errBlocked: '你无法联系此用户。',
  errNetwork: '无法连接服务器，请检查网络。',
  errGeneric: '出错了：{message}',
  working: '请稍候…',
  conversations: '聊天',
  newChat: '发起聊天',
  noConversations: '还没有聊天。点击“发起聊天”开始吧。',
  noConversationSelected: '在左侧选择一个聊天，或发起新的聊天。',
  you: '我',
  online: '在线',
  offline: '离线',
  members: '{count} 位成员',
  unread: '{count} 条未读',
  loadOlder: '加载更早的消息',
  loadingOlder: '加载中…',
  startOfConversation: '这是对话的开始。',
  noMessages: '还没有消息，打个招呼吧！',
  messagePlaceholder: '输入消息…',
  send: '发送',
  sending: '发送中…',
  sendFailed: '未发送。',
  retry: '重试',
  discard: '删除',
  newChatTitle: '发起聊天',
  directTab: '单聊',
  groupTab: '群聊',
  searchUsers: '按名字搜索用户',
  noUsersFound: '没有找到用户。',
  groupTitle: '群名称',
  groupMembers: '成员',
  createGroup: '创建群聊',
  cancel: '取消',
  close: '关闭',
  startVideoCall: '发起视频通话',
  calling: '正在呼叫 {name}',
  ringing: '等待对方接听…',
  startingCall: '正在发起通话…',
  connected: '已接通',
  hangUp: '取消通话',
  callDeclined: '{name} 拒绝了通话。',
  callBusy: '{name} 正在另一个通话中。',
  callNoAnswer: '无人接听。',
  callCancelled: '通话已取消。',
  callEnded: '通话已结束。',
  callFailed: '无法发起通话：{reason}',
  callNotConfigured: '此服务器尚未配置视频通话。',
  callAlreadyInCall: '你已经在通话中。',
  callInProgress: '此聊天中已有正在进行的通话。',
  callWindowBlocked: '通话窗口被拦截。请允许此网站弹出窗口后重试。',
  incomingCall: '视频通话来电',
  incomingFrom: '{name} 邀请你视频通话',
  incomingGroup: '来自 {title}',
  accept: '接听',
  decline: '拒绝',
  callNoLongerRinging: '该通话已不再响铃。',
  notifyIncomingTitle: '视频通话来电',
  notifyIncomingBody: '{name} 邀请你视频通话',
  enableNotifications: '开启通知，标签页在后台时也能收到来电提醒。',
  enableNotificationsButton: '开启',
  reconnecting: '连接已断开，正在重新连接…',
  connecting: '正在连接…',
  callOutcomeEnded: '视频通话 · {duration}',
  callOutcomeMissedIncoming: '未接视频通话',
  callOutcomeMissedOutgoing: '视频通话 · 无人接听',
  callOutcomeDeclinedIncoming: '你拒绝了视频通话',
  callOutcomeDeclinedOutgoing: '视频通话已被拒绝',
  callOutcomeDeclinedGroup: '视频通话已被拒绝',
  callOutcomeCancelledIncoming: '未接视频通话（对方已取消）',
  callOutcomeCancelledOutgoing: '视频通话已取消',
  callOutcomeBusy: '视频通话 · 对方忙',
  someone: '某人',
  yesterday: '昨天',
  // ---- interface finish (issue 14): themes, errors by code, counters, accessibility ----
  listSeparator: '、',
  backToChats: '返回聊天列表',
  themeSystem: '主题：跟随系统',
  themeLight: '主题：浅色',
  themeDark: '主题：深色',
  themeHint: '切换配色主题',
  fieldMessage: '消息',
  fieldProblem: '{field}：{problem}',
  ruleMaxLength: '最多 {limit} 个字符',
  ruleMinLength: '至少 {limit} 个字符',
  ruleRequired: '必填',
  ruleInvisible: '不能包含不可见字符或文字方向控制字符',
  ruleMaxItems: '最多 {limit} 个',
  ruleMinItems: '至少 {limit} 个',
  ruleInvalid: '格式不正确',
  errCheck: '请检查：{details}',
  errSessionExpired: '登录已过期，请重新登录。',
  contactRequestLabel: '联系请求',
  contactRequestText: '{name} 想要联系你。在你接受之前，通话和你的在线状态保持关闭。',
  contactRequestAccept: '接受',
  contactRequestDecline: '拒绝',
  errContactRequestPending: '对方尚未接受你的联系请求，因此无法呼叫。',
  errSessionReused: '此登录已在另一台设备上被使用，为了安全已将其结束。请重新登录。',
  errUserNotFound: '该用户已不存在。',
  errNotFound: '该聊天已不存在。',
  errNotAMember: '你不是此聊天的成员。',
  errSelfConversation: '不能和自己发起聊天。',
  errNoMembers: '请至少选择一位成员。',
  errEmptyTitle: '请为群聊起个名字。',
  errEmptyMessage: '消息为空。',
  errTooLarge: '一次发送的内容太多。',
  errServer: '服务器出了点问题，请稍后再试。',
  errUnknown: '出错了（错误代码：{code}）。',
  charCount: '{count} / {max}',
  tooLong: '超出 {over} 个字符，请删减后再发送。',
  nearLimit: '还可输入 {left} 个字符。',
  messageLabel: '消息',
  messagesLabel: '消息记录',
  conversationsLabel: '聊天列表',
  openChat: '打开与 {name} 的聊天',
  selected: '已选中',
  // ---- live calls (issue 9) ----
  callEveryoneBusy: '群里所有人都在其他通话中。',
  callBusyMembers: '正在其他通话中：{names}',
  liveCallActive: '视频通话中',
  liveCallRinging: '视频通话 · 等待接听',
  liveCallMarker: '通话中',
  joinCall: '加入',
  returnToCall: '回到通话',
  hangUpCall: '挂断',
  switchCallTitle: '离开当前通话并加入？',
  switchCallBody: '你正在「{title}」的通话中，加入此通话将离开该通话。',
  switchCallConfirm: '离开并加入',
};

export type Locale = 'en' | 'zh-CN';

/** zh-CN for any Chinese system language, English otherwise. */
export function pickLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Locale = pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language);

/** The language the UI speaks; set once at start-up (the desktop app may configure it). */
export function setLocale(locale: Locale): void {
  current = locale;
  document.documentElement.lang = locale;
}

export function locale(): Locale {
  return current;
}

/** The string for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current === 'zh-CN' ? zhCN[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** `m:ss` (or `h:mm:ss`) for a call's length. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * A message time: hours and minutes today, else a short date too. The hour is 'numeric' so 12-hour
 * locales read "1:27 PM" (not "01:27 PM") and 24-hour ones keep "13:27".
 */
export function formatTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(current, options).format(date);
}

/** A compact time for the conversation list: the time today, "Yesterday", or a short date. */
export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) {
    return new Intl.DateTimeFormat(current, { hour: 'numeric', minute: '2-digit' }).format(date);
  }
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (date.toDateString() === yesterday.toDateString()) return t('yesterday');
  return new Intl.DateTimeFormat(current, { month: 'short', day: 'numeric' }).format(date);
}
