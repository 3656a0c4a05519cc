import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { settingsInputSchema } from '../../../shared/contract/settings';
import { followUpInputSchema } from '../../../shared/contract/followups';
import { reminders } from '../../../renderer/i18n/resources/reminders';
import { toFollowUpInput } from '../../../renderer/features/followups/followup-form';
import { timeValue } from '../../../renderer/features/reminders/time-value';
import { toFormValues, toSettingsInput } from '../../../renderer/features/settings/settings-form';
import { noticeContent } from '../../../shared/reminders/notice-text';

const settings = { businessName: '', homeCountry: 'CN', homeRegion: null, baseCurrency: 'CNY', language: null, sources: [], onboarded: true, remindersEnabled: true, reminderTime: '07:05', clvDiscountPercent: 1, clvHorizonMonths: 12 };

describe('reminder fields in the forms', () => {
  it('the settings form shows the saved time and sends back HH:MM the contract accepts', () => {
    const values = toFormValues(settings);
    expect(values.reminderTime!.format('HH:mm')).toBe('07:05');
    const input = toSettingsInput({ ...values, remindersEnabled: false, reminderTime: dayjs('2031-05-06T18:40:59') });
    expect(input).toMatchObject({ remindersEnabled: false, reminderTime: '18:40' });
    expect(settingsInputSchema.safeParse(input).success).toBe(true);
  });

  it('the follow-up form sends a time only with a date', () => {
    const base = { channel: 'call' as const, nextContactTime: timeValue('14:30') };
    expect(toFollowUpInput('c1', { ...base, nextContactDate: dayjs('2026-11-24') })).toMatchObject({ nextContactDate: '2026-11-24', nextContactTime: '14:30' });
    expect(toFollowUpInput('c1', { ...base, nextContactDate: null })).toMatchObject({ nextContactDate: null, nextContactTime: null });
    expect(followUpInputSchema.parse(toFollowUpInput('c1', { ...base, nextContactDate: dayjs('2026-11-24') })).nextContactTime).toBe('14:30');
  });
});

describe('notification texts', () => {
  const summary = (total: number, overdue: number, first: string[]) => ({ kind: 'summary' as const, date: '2026-11-23', summary: { total, overdue, first } });

  it('English counts one and many; Chinese lists names with 、', () => {
    expect(noticeContent(summary(1, 0, ['Li Lei']), reminders.en.notice, 'en')).toEqual({ title: 'Today: 1 item to handle', body: 'First: Li Lei\nClick to open Today.', target: '#/today' });
    expect(noticeContent(summary(12, 1, ['A', 'B', 'C']), reminders.en.notice, 'en').body).toBe('1 is overdue.\nFirst: A, B, C and more\nClick to open Today.');
    expect(noticeContent(summary(12, 4, ['王芳', '李雷']), reminders['zh-CN'].notice, 'zh-CN')).toMatchObject({ title: '今日待办：12 项', body: '其中 4 项已逾期。\n先联系：王芳、李雷 等\n点击打开“今日”。' });
  });

  it('a timed reminder names the customer and opens their file (the id URL-encoded)', () => {
    const notice = { kind: 'timed' as const, reminder: { followUpId: 'f', customerId: 'a/b c', customerName: 'Li Lei', date: '2026-11-23', time: '14:30' } };
    expect(noticeContent(notice, reminders.en.notice, 'en')).toEqual({ title: 'Follow-up reminder · 14:30', body: 'Time to contact Li Lei. Click to open their file.', target: '#/customers/a%2Fb%20c' });
  });

  it('a long name is cut short, so the rest of the notification is not pushed out of the system\'s box', () => {
    const long = '长名字客户'.repeat(24);
    const timed = { kind: 'timed' as const, reminder: { followUpId: 'f', customerId: 'c', customerName: long, date: '2026-11-23', time: '14:30' } };
    expect(noticeContent(timed, reminders['zh-CN'].notice, 'zh-CN').body).toBe(`现在联系 ${long.slice(0, 23)}…。点击打开客户档案。`);
    expect(noticeContent(summary(3, 0, [`${'Long Name '.repeat(12)}`, 'Li Lei']), reminders.en.notice, 'en').body).toBe('First: Long Name Long Name Lon…, Li Lei and more\nClick to open Today.');
    // 24 characters still fit whole.
    expect(noticeContent(summary(1, 0, ['广州市越秀区一德路海味干货批发商行有限公司']), reminders['zh-CN'].notice, 'zh-CN').body).toBe('先联系：广州市越秀区一德路海味干货批发商行有限公司\n点击打开“今日”。');
  });
});
