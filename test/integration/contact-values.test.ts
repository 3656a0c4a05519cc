/**
 * Contacts as people really have them. An email address may be 254 characters long (RFC 5321), where other contacts
 * stop at 120: a long corporate address is kept on the form, in the contract and in an import alike. A phone with an
 * extension ("+1 212-555-0100 ext. 1234", "…转 1234") is still refused, since numbers are matched and searched as
 * E.164, but the refusal says why and what to do with the extension, in both languages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupI18n } from '../../renderer/i18n';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

/** An address of exactly `length` characters: a long local part at a corporate domain. */
const emailOf = (length: number) => {
  const domain = '@mail.example-corporation.com';
  return `${'a'.repeat(length - domain.length)}${domain}`;
};
const customersCsv = (name: string, header: string, rows: string[]) => {
  const path = join(app.dir, name);
  writeFileSync(path, [header, ...rows].join('\n'));
  return { kind: 'customers' as const, source: { path }, duplicates: 'create' as const };
};

describe('an email address up to 254 characters', () => {
  it('is kept at 254 and refused as too long at 255, by the contract', async () => {
    expect(emailOf(254)).toHaveLength(254);
    const created = await app.call('customers:create', { name: 'Long Mail', contacts: [{ kind: 'email', value: emailOf(254) }] });
    expect(app.db.$client.prepare('SELECT value FROM contact_channels WHERE customer_id = ?').all(created.customer.id)).toEqual([{ value: emailOf(254) }]);
    const refused = await app.dispatch('customers:create', { name: 'Longer Mail', contacts: [{ kind: 'email', value: emailOf(255) }] });
    // With its length and the limit, as every text past its limit is said (it was a bare "too long").
    const tooLong = { path: ['contacts', 0, 'value'], key: 'text_too_long', params: { length: 255, max: 254, over: 1 } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [tooLong] } });
    expect(await app.dispatch('customers:checkDuplicates', { contacts: [{ kind: 'email', value: emailOf(254) }] })).toMatchObject({ ok: true });
    expect(await app.dispatch('customers:checkDuplicates', { contacts: [{ kind: 'email', value: emailOf(255) }] })).toMatchObject({ ok: false, error: { issues: [tooLong] } });
  });

  it('leaves the other kinds at 120', async () => {
    for (const kind of ['wechat', 'phone', 'whatsapp'] as const) {
      const refused = await app.dispatch('customers:create', { name: 'Long', contacts: [{ kind, value: `a${'1'.repeat(120)}` }] });
      expect(refused, kind).toMatchObject({ ok: false, error: { issues: [{ path: ['contacts', 0, 'value'], key: 'text_too_long', params: { length: 121, max: 120, over: 1 } }] } });
    }
    const wechat = `w${'x'.repeat(119)}`;
    const at120 = await app.dispatch('customers:create', { name: 'Long', contacts: [{ kind: 'wechat', value: wechat }] });
    // 120 characters passes the length check; the WeChat ID's own form (6–20 characters) is what refuses it.
    expect(at120).toMatchObject({ ok: false, error: { issues: [{ path: ['contacts', 0, 'value'], key: 'invalid_wechat' }] } });
  });

  it('imports a 130-character corporate address, and refuses 255 characters as too long, naming the row', async () => {
    const long = emailOf(130);
    const result = await app.call('import:commit', customersCsv('mail.csv', '姓名,邮箱', [`王芳,${long}`]));
    expect(result).toMatchObject({ added: 1, rejected: 0 });
    expect(app.db.$client.prepare("SELECT value FROM contact_channels WHERE kind = 'email'").all()).toEqual([{ value: long }]);

    const preview = await app.call('import:preview', customersCsv('longer.csv', '姓名,邮箱', [`李四,${emailOf(254)}`, `赵六,${emailOf(255)}`]));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 3, header: '邮箱', reason: 'too_long' })]);
  });
});

describe('a phone number with an extension', () => {
  const withExtensions = ['+1 212-555-0100 ext. 1234', '+1 212-555-0100 x1234', '+1 212-555-0100 转 1234', '+1 212-555-0100 分机 1234'];

  it('is refused by the contract saying it has an extension and where to keep it, in both languages', async () => {
    for (const value of withExtensions) {
      const refused = await app.dispatch('customers:create', { name: 'Ext', contacts: [{ kind: 'phone', value }] });
      expect(refused, value).toMatchObject({ ok: false, error: { issues: [{ path: ['contacts', 0, 'value'], key: 'phone_has_extension', params: { value, extension: '1234' } }] } });
      expect(refused.ok ? '' : refused.error.message, value).toBe(
        'contacts.0.value has an extension (1234): phone numbers are kept without one, so they can be matched and searched; enter the number alone and keep the extension in the contact’s label or the notes',
      );
    }
    const issue = { params: { value: withExtensions[0]!, extension: '1234' } };
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(i18next.t('errors:issue.phone_has_extension', issue.params)).toBe('带有分机号（1234）：电话号码不带分机号保存，才能查重和搜索。请只填号码，把分机号写在这条联系方式的备注或客户备注里');
    await i18next.changeLanguage('en');
    expect(i18next.t('errors:issue.phone_has_extension', issue.params)).toBe('Has an extension (1234): phone numbers are kept without one, so they can be matched and searched. Enter the number alone and keep the extension in the contact’s label or the notes');
    // The number alone is taken.
    expect(await app.dispatch('customers:create', { name: 'Ext', contacts: [{ kind: 'phone', value: '+1 212-555-0100', label: 'ext. 1234' }] })).toMatchObject({ ok: true });
  });

  it('is refused in an import row saying why, while a number that is no number at all stays invalid', async () => {
    const preview = await app.call('import:preview', customersCsv('ext.csv', '姓名,电话', [...withExtensions.map((p, i) => `客户${i},${p}`), '坏号,12 ext 34']));
    expect(preview.errors.map((e) => [e.row, e.reason, e.params])).toEqual([
      [2, 'phone_extension', { extension: '1234' }],
      [3, 'phone_extension', { extension: '1234' }],
      [4, 'phone_extension', { extension: '1234' }],
      [5, 'phone_extension', { extension: '1234' }],
      [6, 'invalid_phone', undefined],
    ]);
    expect(preview.errors[0]!.message).toBe(
      'Row 2, column "电话": "+1 212-555-0100 ext. 1234" has an extension (1234): phone numbers are kept without one, so they can be matched and searched; give the number alone and keep the extension in a notes column.',
    );
    setupI18n('zh-CN');
    await i18next.changeLanguage('zh-CN');
    expect(i18next.t('importing:reasons.phone_extension', preview.errors[0]!.params)).toBe('带有分机号（1234）：电话号码不带分机号保存，才能查重和搜索。请只填号码，把分机号放在备注列里');
    await i18next.changeLanguage('en');
    expect(i18next.t('importing:reasons.phone_extension', preview.errors[0]!.params)).toBe('Has an extension (1234): phone numbers are kept without one, so they can be matched and searched. Give the number alone and keep the extension in a notes column');
  });
});
