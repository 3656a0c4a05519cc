/**
 * Desktop reminders: the notification texts (shown by the Electron main process and by the browser build,
 * both through shared/reminders/notice-text.ts) and the Settings section.
 */
export const reminders = {
  'zh-CN': {
    notice: {
      summaryTitle_one: '今日待办：{{count}} 项',
      summaryTitle_other: '今日待办：{{count}} 项',
      overdue_one: '其中 {{count}} 项已逾期。',
      overdue_other: '其中 {{count}} 项已逾期。',
      first: '先联系：{{names}}',
      more: '等',
      separator: '、',
      openToday: '点击打开“今日”。',
      timedTitle: '跟进提醒 · {{time}}',
      timedBody: '现在联系 {{name}}。点击打开客户档案。',
    },
    settings: {
      title: '桌面提醒',
      enabled: '开启提醒',
      time: '每日提醒时间',
      timeHint: '每天在这个时间弹出一次今日待办摘要；设置了具体时间的跟进提醒会在那一分钟提醒。',
      local: '提醒在本机计算和显示，不会发送任何数据。',
      browserAsk: '浏览器会询问是否允许通知；请选择“允许”。',
      browserDenied: '浏览器已拒绝通知。请在浏览器的网站设置中允许本页面发送通知，然后重新开启。',
      browserUnsupported: '此浏览器不支持通知。',
    },
    followUp: {
      time: '提醒时间',
      timeHint: '可选：到这一分钟会弹出提醒',
    },
  },
  en: {
    notice: {
      summaryTitle_one: 'Today: {{count}} item to handle',
      summaryTitle_other: 'Today: {{count}} items to handle',
      overdue_one: '{{count}} is overdue.',
      overdue_other: '{{count}} are overdue.',
      first: 'First: {{names}}',
      more: 'and more',
      separator: ', ',
      openToday: 'Click to open Today.',
      timedTitle: 'Follow-up reminder · {{time}}',
      timedBody: 'Time to contact {{name}}. Click to open their file.',
    },
    settings: {
      title: 'Desktop reminders',
      enabled: 'Reminders on',
      time: 'Daily reminder time',
      timeHint: "Once a day at this time, a summary of today's work; follow-up reminders with a time are shown at that minute.",
      local: 'Reminders are computed and shown on this computer; nothing is sent anywhere.',
      browserAsk: 'Your browser will ask whether to allow notifications: choose Allow.',
      browserDenied: 'The browser blocked notifications. Allow them for this page in the browser’s site settings, then switch reminders on again.',
      browserUnsupported: 'This browser cannot show notifications.',
    },
    followUp: {
      time: 'Reminder time',
      timeHint: 'Optional: a notification at this minute',
    },
  },
};
