import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { openTestApp, type TestApp } from '../support/test-app';

let app: TestApp;
beforeEach(async () => {
  app = openTestApp();
  await app.call('settings:update', { homeCountry: 'CN', homeRegion: '广东' });
});
afterEach(() => app.cleanup());

const add = (name: string, extra: Record<string, unknown> = {}) => app.call('customers:create', { name, ...extra }).then((r) => r.customer);
const names = async (search: string, extra: Record<string, unknown> = {}) => (await app.call('customers:list', { search, ...extra })).rows.map((r) => r.name);

describe('customer files', () => {
  it('takes a name as pasted without its invisible characters, and refuses one that is nothing else', async () => {
    const pasted = await add('\u200b王小明\u200b', { company: '小明商行\ufeff', notes: ' \u200b ', tags: ['月结\u200b', '月结'] });
    expect([pasted.name, pasted.company, pasted.notes, pasted.tags]).toEqual(['王小明', '小明商行', null, ['月结']]);
    expect(await app.dispatch('customers:create', { name: '李四', tags: ['\u200b'] })).toMatchObject({ ok: false, error: { issues: [{ path: ['tags', 0], key: 'required' }] } });
    expect(await names('wangxiaoming')).toEqual(['王小明']);
    const blank = await app.dispatch('customers:create', { name: '\u200b\u2060 \u200b' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['name'], key: 'required' }] } });
    expect((await app.call('customers:list', {})).total).toBe(1);
  });

  it('stores contacts typed in full-width mode as the ASCII ones, and finds the customer by them', async () => {
    const c = await add('全角客户', {
      contacts: [
        { kind: 'phone', value: '１３９\u3000００１３\u3000８０００' },
        { kind: 'email', value: 'Ｌｉ．Ｓｉ＠Ｅｘａｍｐｌｅ．ｃｏｍ' },
        { kind: 'wechat', value: 'ｌｉｓｉ＿２０２６' },
      ],
    });
    expect(c.contacts.map((k) => [k.kind, k.value])).toEqual([
      ['phone', '+8613900138000'],
      ['email', 'li.si@example.com'],
      ['wechat', 'lisi_2026'],
    ]);
    expect(await names('13900138000')).toEqual(['全角客户']);
    expect(await names('li.si@example')).toEqual(['全角客户']);
  });

  it('stores a profile with normalised contacts and derives locality from home', async () => {
    const c = await add('张三', {
      company: '广州佳美服装',
      type: 'distributor',
      country: 'cn',
      region: '广东省',
      tags: ['老客户', '老客户', '月结'],
      contacts: [
        { kind: 'phone', value: '138 0013 8000' },
        { kind: 'email', value: '  Zhang.San@Example.COM ' },
        { kind: 'wechat', value: 'ZhangSan_88' },
        { kind: 'whatsapp', value: '0086 138-0013-8000' },
      ],
    });
    expect(c.country).toBe('CN');
    expect(c.locality).toBe('local');
    expect(c.localityManual).toBe(false);
    expect(c.tags).toEqual(['老客户', '月结']);
    expect(c.contacts.map((k) => [k.kind, k.value])).toEqual([
      ['phone', '+8613800138000'],
      ['email', 'zhang.san@example.com'],
      ['wechat', 'zhangsan_88'],
      ['whatsapp', '+8613800138000'],
    ]);
    expect((await add('Lukas Weber', { country: 'DE' })).locality).toBe('overseas');
    expect((await add('李四', { country: 'CN', region: '湖南' })).locality).toBe('non_local');
    expect((await add('王五', { country: 'CN', region: '湖南', localityOverride: 'local' })).locality).toBe('local');
  });

  it('re-derives locality when the home region changes, but keeps overrides', async () => {
    const hunan = await add('李四', { country: 'CN', region: '湖南' });
    const pinned = await add('王五', { country: 'CN', region: '湖南', localityOverride: 'non_local' });
    await app.call('settings:update', { homeRegion: '湖南' });
    expect((await app.call('customers:get', { id: hunan.id })).locality).toBe('local');
    expect((await app.call('customers:get', { id: pinned.id })).locality).toBe('non_local');
  });

  it('finds customers by pinyin initials, full pinyin with or without spaces, and by any contact', async () => {
    await add('张三', { contacts: [{ kind: 'phone', value: '13800138000' }, { kind: 'wechat', value: 'sanzhang01' }] });
    await add('张珊珊', { company: '深圳华强电子' });
    await add('单田芳', { contacts: [{ kind: 'email', value: 'tf@example.com' }] });
    await add('Lukas Weber', { company: 'Weber Handels GmbH', contacts: [{ kind: 'whatsapp', value: '+49 30 1234 5678' }] });

    expect(await names('zs')).toEqual(['张三', '张珊珊']);
    expect(await names('zss')).toEqual(['张珊珊']);
    expect(await names('zhangsan')).toEqual(['张三']);
    expect(await names('zhang san')).toEqual(['张三']);
    expect(await names('zhangshan')).toEqual(['张珊珊']);
    expect(await names('ZhangSan')).toEqual(['张三']);
    expect(await names('shantianfang')).toEqual(['单田芳']);
    expect(await names('szhqdz')).toEqual(['张珊珊']);
    expect(await names('138 0013')).toEqual(['张三']);
    expect(await names('sanzhang')).toEqual(['张三']);
    expect(await names('tf@example')).toEqual(['单田芳']);
    expect(await names('4930123')).toEqual(['Lukas Weber']);
    expect(await names('weber handels')).toEqual(['Lukas Weber']);
    expect(await names('nobody')).toEqual([]);
    // LIKE's wildcards typed by the user are plain characters.
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('warns about likely duplicates by any normalised contact and links to the other customer', async () => {
    const first = await add('张三', { contacts: [{ kind: 'phone', value: '+86 138 0013 8000' }, { kind: 'email', value: 'a@b.co' }] });
    const check = await app.call('customers:checkDuplicates', { contacts: [{ kind: 'phone', value: '0086-13800138000' }] });
    expect(check.duplicates).toEqual([{ customerId: first.id, name: '张三', company: null, kind: 'phone', value: '+8613800138000' }]);
    const second = await app.call('customers:create', { name: '张三丰', contacts: [{ kind: 'email', value: 'A@B.CO' }] });
    expect(second.duplicates.map((d) => [d.customerId, d.kind])).toEqual([[first.id, 'email']]);
    // Its own contacts are not a duplicate of itself; a half-typed number is simply not matched yet.
    expect((await app.call('customers:checkDuplicates', { contacts: [{ kind: 'email', value: 'a@b.co' }], excludeId: first.id })).duplicates.map((d) => d.customerId)).toEqual([second.customer.id]);
    expect((await app.call('customers:checkDuplicates', { contacts: [{ kind: 'phone', value: '138' }] })).duplicates).toEqual([]);
    // A deleted customer is not a duplicate any more.
    await app.call('customers:delete', { id: first.id });
    expect((await app.call('customers:checkDuplicates', { contacts: [{ kind: 'phone', value: '13800138000' }] })).duplicates).toEqual([]);
  });

  it('rejects bad contacts and names field by field, writing nothing', async () => {
    const failure = await app.dispatch('customers:create', {
      name: '  ',
      contacts: [
        { kind: 'phone', value: '12345' },
        { kind: 'email', value: 'not-an-email' },
      ],
    });
    expect(failure).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['name'], key: 'required' }] } });
    const contactsFailure = await app.dispatch('customers:create', { name: 'X', contacts: [{ kind: 'phone', value: '12345' }, { kind: 'email', value: 'nope' }] });
    expect(contactsFailure).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'contacts.0.value is not a valid phone number; contacts.1.value is not a valid email address',
        issues: [
          { path: ['contacts', 0, 'value'], key: 'invalid_phone', params: { value: '12345' } },
          { path: ['contacts', 1, 'value'], key: 'invalid_email', params: { value: 'nope' } },
        ],
      },
    });
    expect((await app.call('customers:list', {})).total).toBe(0);
  });

  it('updates contacts in place: kept ones keep their id, removed ones are soft-deleted', async () => {
    const c = await add('张三', { contacts: [{ kind: 'phone', value: '13800138000' }, { kind: 'wechat', value: 'zhangsan88' }] });
    const phoneId = c.contacts[0]!.id;
    const updated = await app.call('customers:update', { id: c.id, customer: { name: '张三', contacts: [{ kind: 'phone', value: '+86 13800138000', label: '手机' }] } });
    expect(updated.customer.contacts).toEqual([{ id: phoneId, kind: 'phone', value: '+8613800138000', label: '手机' }]);
    expect(await names('zhangsan88')).toEqual([]);
    const removed = app.db.$client.prepare(`SELECT count(*) FROM contact_channels WHERE deleted_at IS NOT NULL`).pluck().get();
    expect(removed).toBe(1);
  });

  it('archives, deletes to the trash and restores, each view showing the right customers', async () => {
    const a = await add('甲');
    const b = await add('乙');
    await add('丙');
    await app.call('customers:archive', { id: a.id, archived: true });
    await app.call('customers:delete', { id: b.id });
    expect(await names('', { view: 'active' })).toEqual(['丙']);
    expect(await names('', { view: 'archived' })).toEqual(['甲']);
    expect(await names('', { view: 'trash' })).toEqual(['乙']);
    await app.call('customers:restore', { id: b.id });
    await app.call('customers:archive', { id: a.id, archived: false });
    expect((await names('')).sort()).toEqual(['丙', '乙', '甲'].sort());
  });

  it('filters by type, locality, country, tag and owner, sorts, and pages stably', async () => {
    await add('A1', { type: 'enterprise', country: 'CN', region: '广东', tags: ['vip'], owner: '阿强' });
    await add('A2', { type: 'individual', country: 'DE', tags: ['vip', 'new'], owner: 'Lily' });
    await add('A3', { type: 'enterprise', country: 'US', tags: ['new'], owner: '阿强' });
    expect(await names('', { types: ['enterprise'] })).toEqual(['A1', 'A3']);
    expect(await names('', { localities: ['overseas'] })).toEqual(['A2', 'A3']);
    expect(await names('', { countries: ['DE', 'US'] })).toEqual(['A2', 'A3']);
    expect(await names('', { tags: ['vip'] })).toEqual(['A1', 'A2']);
    expect(await names('', { owners: ['阿强'], tags: ['new'] })).toEqual(['A3']);
    expect(await names('', { sort: { field: 'name', desc: true } })).toEqual(['A3', 'A2', 'A1']);
    const page = await app.call('customers:list', { offset: 1, limit: 1 });
    expect([page.total, page.rows.map((r) => r.name)]).toEqual([3, ['A2']]);
    expect(await app.call('customers:facets', {})).toMatchObject({ countries: ['CN', 'DE', 'US'], tags: ['new', 'vip'], owners: ['Lily', '阿强'] });
  });

  it('answers unknown ids with a typed not_found error', async () => {
    await expect(app.call('customers:get', { id: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(app.call('customers:get', { id: 'missing' })).rejects.toBeInstanceOf(AppError);
  });
});
