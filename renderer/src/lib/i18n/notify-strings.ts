/**
 * The strings of message notifications, notification settings and muting, in both languages. Kept out
 * of i18n.ts (which spreads them in) so that table stays readable; zh-CN is typed from English here too.
 */

export const notifyEn = {
  notifyMessageGroupTitle: '{name} in {group}',
  notifyPreviewHidden: 'New message',
  notifySettings: 'Notifications',
  notifySettingsHint: 'Notification settings',
  notifyDoNotDisturb: 'Do not disturb',
  notifyDoNotDisturbHint: 'No message notifications or sounds until you turn this off',
  notifyShowPreviews: 'Show message text in notifications',
  notifySound: 'Play a soft sound',
  notifyPermissionDenied: 'The browser blocks notifications for this site. Allow them in its site settings.',
  notifyPermissionAsk: 'Allow notifications',
  muteMenu: 'Mute',
  muteMenuHint: 'Mute notifications for this conversation',
  muteOneHour: 'For 1 hour',
  muteEightHours: 'For 8 hours',
  muteForever: 'Until I turn it back on',
  muteRingCalls: 'Calls still ring',
  unmute: 'Unmute',
  mutedUntil: 'Muted until {time}',
  mutedForever: 'Muted',
  mutedBadge: '{count} unread (muted)',
  errMuteFailed: 'Could not change the mute: {message}',
} as const;

export type NotifyKey = keyof typeof notifyEn;

export const notifyZhCN: Record<NotifyKey, string> = {
  notifyMessageGroupTitle: '{name}（{group}）',
  notifyPreviewHidden: '新消息',
  notifySettings: '通知',
  notifySettingsHint: '通知设置',
  notifyDoNotDisturb: '勿扰模式',
  notifyDoNotDisturbHint: '关闭前不显示消息通知，也不播放提示音',
  notifyShowPreviews: '在通知中显示消息内容',
  notifySound: '播放轻提示音',
  notifyPermissionDenied: '浏览器已禁止此网站的通知，请在网站设置中允许。',
  notifyPermissionAsk: '允许通知',
  muteMenu: '免打扰',
  muteMenuHint: '此会话的消息免打扰',
  muteOneHour: '1 小时',
  muteEightHours: '8 小时',
  muteForever: '直到我重新开启',
  muteRingCalls: '来电仍然响铃',
  unmute: '取消免打扰',
  mutedUntil: '免打扰至 {time}',
  mutedForever: '已免打扰',
  mutedBadge: '{count} 条未读（免打扰）',
  errMuteFailed: '无法更改免打扰设置：{message}',
};
