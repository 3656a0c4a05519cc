import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/import/csv';
import { autoMapHeaders } from '../../../shared/import/header-map';
import { createRowValidator, validateRows } from '../../../shared/import/validate-rows';

const options = { homeCountry: 'CN', defaultCurrency: 'CNY' };

function run<K extends 'customers' | 'orders' | 'followups'>(kind: K, csv: string, extra: Partial<Parameters<typeof validateRows>[4]> = {}) {
  const table = parseCsv(csv);
  const mapping = autoMapHeaders(table.headers, kind);
  return validateRows(kind, table.headers, table.rows, mapping.mapping, { ...options, currencyHint: mapping.currencyHint, ...extra });
}

describe('validateRows: customers', () => {
  it('builds customer records with contacts, tags and enums', () => {
    const v = run(
      'customers',
      [
        '客户名称,公司,类型,国家,省份,城市,手机,座机,微信,邮箱,标签,来源,客户等级,备注',
        '张三,广州贸易有限公司,企业,中国,广东,广州,138 0013 8000,020-8888 6666,zhangsan_wx,zs@example.com,"VIP，老客户",转介绍,A,首次合作',
      ].join('\n'),
    );
    expect(v.errors).toEqual([]);
    expect(v.records[0]).toEqual({
      row: 2,
      line: 2,
      record: {
        name: '张三',
        company: '广州贸易有限公司',
        type: 'enterprise',
        industry: null,
        country: 'CN',
        region: '广东',
        city: '广州',
        sizeBand: null,
        incomeBand: null,
        needs: null,
        tags: ['VIP', '老客户'],
        owner: null,
        source: 'referral',
        manualLevel: 'A',
        notes: '首次合作',
        code: null,
        contacts: [
          { kind: 'phone', value: '+8613800138000' },
          { kind: 'phone', value: '+862088886666' },
          { kind: 'email', value: 'zs@example.com' },
          { kind: 'wechat', value: 'zhangsan_wx' },
        ],
        locality: null,
        localityManual: null,
        archived: null,
        recordId: null,
      },
    });
  });

  it('uses the company as name when there is none, and requires one of them', () => {
    const v = run('customers', 'Name,Company,Phone\n,Acme Ltd,\n,,+1 212 555 0100\n');
    expect(v.records.map((r) => r.record.name)).toEqual(['Acme Ltd']);
    expect(v.errors).toMatchObject([{ row: 3, field: 'name', column: 0, header: 'Name', reason: 'required' }]);
  });

  it('collects every bad value of a row, with row, column and English message', () => {
    const v = run('customers', '姓名,电话,邮箱,国家,类型\n李四,12345,not-mail,火星,外星人\n');
    expect(v.records).toEqual([]);
    expect(v.errors.map((e) => [e.row, e.header, e.reason])).toEqual([
      [2, '电话', 'invalid_phone'],
      [2, '邮箱', 'invalid_email'],
      [2, '类型', 'invalid_choice'],
      [2, '国家', 'invalid_country'],
    ]);
    expect(v.errors[0]!.message).toBe('Row 2, column "电话": "12345" is not a valid phone number.');
  });

  it('refuses overlong text with too_long', () => {
    const v = run('customers', `name,city\nA,${'x'.repeat(81)}\n`);
    expect(v.errors.map((e) => e.reason)).toEqual(['too_long']);
  });
});

describe('validateRows: orders', () => {
  it('reads amounts, currencies and dates, inferring the date order from the column', () => {
    const v = run('orders', ['客户,日期,金额,币种,汇率,备注', '张三,13/3/2024,"¥1,234.50",,,', '李四,3/5/2024,US$ 99,USD,7.1,样品', '王五,2024年3月6日,1.5万,,,'].join('\n'));
    expect(v.errors).toEqual([]);
    expect(v.inferred.dateOrder).toEqual({ date: 'dmy' });
    // A file of whole orders: no line, no number, cost or payment columns.
    const none = { orderNumber: null, orderRecordId: null, isReturn: false, line: null, costMinor: null, paidMinor: null, dueDate: null };
    expect(v.records.map((r) => r.record)).toEqual([
      { customer: { code: null, name: '张三', phone: null, company: null, recordId: null }, orderDate: '2024-03-13', amountMinor: 123450, amount: '1234.50', currency: 'CNY', currencyFrom: 'cell', fxRate: null, note: null, ...none },
      { customer: { code: null, name: '李四', phone: null, company: null, recordId: null }, orderDate: '2024-05-03', amountMinor: 9900, amount: '99.00', currency: 'USD', currencyFrom: 'column', fxRate: 7.1, note: '样品', ...none },
      { customer: { code: null, name: '王五', phone: null, company: null, recordId: null }, orderDate: '2024-03-06', amountMinor: 1500000, amount: '15000.00', currency: 'CNY', currencyFrom: 'default', fxRate: null, note: null, ...none },
    ]);
  });

  it('reads European amounts after inferring the decimal comma', () => {
    // German headers are not in the synonym lists: mapped by hand, as the user would.
    const table = parseCsv('Kunde;Datum;Betrag\nMüller;05.03.2024;1.234\nSchmidt;06.03.2024;12,50\n');
    const ok = validateRows('orders', table.headers, table.rows, ['customerName', 'date', 'amount'], { ...options, defaultCurrency: 'EUR' });
    expect(ok.inferred.decimal).toBe(',');
    expect(ok.records.map((r) => [r.record.orderDate, r.record.amountMinor, r.record.currency])).toEqual([
      ['2024-03-05', 123400, 'EUR'],
      ['2024-03-06', 1250, 'EUR'],
    ]);
  });

  it('takes the currency from the amount header', () => {
    const v = run('orders', '客户,日期,金额（美元）\nA,2024-03-05,100\n');
    expect(v.records[0]!.record).toMatchObject({ currency: 'USD', amountMinor: 10000 });
  });

  it('reports missing keys, required values, conflicts and bad rates', () => {
    const v = run('orders', '客户,日期,金额,币种,汇率\n,2024-03-05,100,,\nA,,€5,USD,-1\nB,3/4/2024,5,XYZ,\n');
    expect(v.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [2, null, 'missing_customer_key'],
      [3, 'date', 'required'],
      [3, 'amount', 'currency_conflict'],
      [3, 'fxRate', 'invalid_rate'],
      [4, 'date', 'ambiguous_date'],
      [4, 'currency', 'unknown_currency'],
    ]);
    expect(v.errors[0]!.message).toBe('Row 2: no customer code, name, phone or company to find the customer by.');
  });

  it('reads a rate written as a decimal (a decimal comma, an exponent) and refuses what only JavaScript reads as a number', () => {
    const v = run('orders', '客户,日期,金额,币种,汇率\nA,2024-03-05,100,USD,"7,1"\nA,2024-03-05,100,USD,1e-3\nA,2024-03-05,100,USD,７．２\nA,2024-03-05,100,USD,0x10\nA,2024-03-05,100,USD,0b11\nA,2024-03-05,100,USD,Infinity\n');
    expect(v.records.map((r) => [r.row, r.record.fxRate])).toEqual([
      [2, 7.1],
      [3, 0.001],
      [4, 7.2],
    ]);
    expect(v.errors.map((e) => [e.row, e.field, e.reason])).toEqual([
      [5, 'fxRate', 'invalid_rate'],
      [6, 'fxRate', 'invalid_rate'],
      [7, 'fxRate', 'invalid_rate'],
    ]);
  });

  it('honours an explicit date order', () => {
    const v = run('orders', '客户,日期,金额\nA,3/4/2024,5\n', { dateOrder: 'mdy' });
    expect(v.records[0]!.record.orderDate).toBe('2024-03-04');
  });
});

describe('validateRows: text pasted with invisible characters', () => {
  it('takes the names without them; a cell of nothing else is blank, and so is a row of such cells', () => {
    const v = run('customers', ['客户名称,公司', '\u200b张三\u200b,\ufeff广州贸易', '\u200b\u200b,', '\u200b,小明商行'].join('\n'));
    // Row 3 shows nothing: skipped as a blank line is. Row 4's name is blank, so its company stands in for it.
    expect(v.records.map((r) => [r.row, r.record.name, r.record.company])).toEqual([
      [2, '张三', '广州贸易'],
      [4, '小明商行', '小明商行'],
    ]);
    expect(v.errors).toEqual([]);
  });
});

describe('validateRows: a row with more values than its header', () => {
  it('refuses the row, whose values may have shifted, and takes the rows that line up', () => {
    // ¥1,234.50 unquoted in a comma-separated file: read as it was, the amount would be ¥1 and 234.50 a fourth value.
    const v = run('orders', ['客户名称,下单日期,金额', '张三,2024-01-05,¥1,234.50', '张三,2024-01-06,"¥1,234.50"', '张三,2024-01-07,88,'].join('\n'));
    expect(v.records.map((r) => [r.row, r.record.amountMinor])).toEqual([
      [3, 123450],
      [4, 8800],
    ]);
    expect(v.errors.map((e) => [e.row, e.reason, e.value])).toEqual([[2, 'extra_values', '234.50']]);
    expect(v.errors[0]!.message).toBe(
      'Row 2: has more values than the header has columns, so they do not line up: a value holding the delimiter unquoted, as 1,234.50 in a comma-separated file? Quote it ("1,234.50") or drop the separator.',
    );
  });
});

describe('validateRows: a wrongly quoted cell', () => {
  it('refuses the row, naming the cell the stray quote ran together, and takes the rows around it', () => {
    // The opening quote before 李四 closes only after the phone: read as it is, the name would be `李四,"13800138001`
    // and the phone column would hold the city.
    const v = run('customers', ['客户名称,手机,城市', '"李四,"13800138001",北京', '王五,13800138002,上海', '"赵六",13800138003,广州'].join('\n'));
    expect(v.records.map((r) => [r.row, r.record.name, r.record.city])).toEqual([
      [3, '王五', '上海'],
      [4, '赵六', '广州'],
    ]);
    expect(v.errors.map((e) => [e.row, e.header, e.reason, e.value])).toEqual([[2, '客户名称', 'malformed_quote', '李四,"13800138001']]);
    expect(v.errors[0]!.message).toBe(
      'Row 2, column "客户名称": "李四,"13800138001" has a quote inside it that ends no value, so the values around it may have run together; a quoted value must close right before the next delimiter, and a quote inside one is written twice ("").',
    );
  });

  it('says so when the stray quote ran on over the next lines, whose rows it took into the cell', () => {
    const v = run('customers', ['客户名称,手机,城市', '"赵六","1380013800"3,广州', '王五,13800138002,上海', '李四,13800138001,"北京"', '孙七,13800138004,深圳'].join('\n'));
    expect(v.records.map((r) => [r.row, r.record.name])).toEqual([[3, '孙七']]);
    expect(v.errors.map((e) => [e.row, e.line, e.header, e.reason, e.value])).toEqual([[2, 2, '手机', 'malformed_quote_lines', '1380013800"3,广州\n王五,13800138002,上海\n李四,13800138001,"北京']]);
  });
});

describe('validateRows: a phone column Excel saved in scientific notation', () => {
  it('names what happened and how to fix it, on the rows it touched only', () => {
    const v = run('customers', ['客户名称,手机', '张三,1.38001E+10', '李四,13800138001'].join('\n'));
    expect(v.records.map((r) => r.record.name)).toEqual(['李四']);
    expect(v.errors.map((e) => [e.row, e.reason, e.message])).toEqual([
      [2, 'phone_scientific', 'Row 2, column "手机": "1.38001E+10" is a phone number Excel wrote in scientific notation, its last digits lost; format the column as Text in Excel and save the file again.'],
    ]);
  });
});

describe('validateRows: follow-ups', () => {
  it('builds follow-ups with instants, choices and next dates', () => {
    const v = run(
      'followups',
      ['客户名称,联系电话,跟进时间,跟进方式,跟进内容,结果,意向,满意度,下次联系日期', '张三,13800138000,2024-03-05 14:30,微信,报价,待回复,犹豫,★★★★,2024/3/12', '李四,,2024-03-06T10:00:00+08:00,拜访,,,有意向,5,'].join('\n'),
    );
    expect(v.errors).toEqual([]);
    const [first, second] = v.records.map((r) => r.record);
    expect(first).toMatchObject({ customer: { name: '张三', phone: '+8613800138000' }, occurredDate: '2024-03-05', channel: 'wechat', content: '报价', outcome: '待回复', intent: 'hesitant', satisfaction: 4, nextContactDate: '2024-03-12' });
    expect(first!.occurredAt).toBe(new Date(2024, 2, 5, 14, 30).toISOString());
    expect(second).toMatchObject({ occurredAt: '2024-03-06T02:00:00.000Z', channel: 'visit', content: '', intent: 'interested', satisfaction: 5, nextContactDate: null });
  });

  it('refuses a next contact before the follow-up\'s own day (overdue the moment it is saved); the same day is taken', () => {
    const v = run('followups', ['客户名称,跟进时间,下次联系日期', '张三,2024-03-05 14:30,2024-03-04', '李四,2024-03-05 14:30,2024-03-05', '王五,2024-03-05,'].join('\n'));
    expect(v.records.map((r) => r.record.customer.name)).toEqual(['李四', '王五']);
    expect(v.errors.map((e) => [e.row, e.header, e.value, e.reason])).toEqual([[2, '下次联系日期', '2024-03-04', 'next_contact_before_follow_up']]);
  });

  it('reads whether a reminder was closed from the export\'s column, in either language; without the column it is not said', () => {
    const zh = run('followups', ['客户名称,跟进时间,下次联系日期,提醒已完成', '张三,2024-03-05,2024-03-12,否', '李四,2024-03-05,2024-03-12,是', '王五,2024-03-05,,否'].join('\n'));
    expect(zh.errors).toEqual([]);
    expect(zh.records.map((r) => r.record.reminderClosed)).toEqual([false, true, false]);
    const en = run('followups', ['Customer,Follow-up date,Next contact date,Reminder closed', 'A,2024-03-05,2024-03-12,No', 'B,2024-03-05,2024-03-12,Yes'].join('\n'));
    expect(en.records.map((r) => r.record.reminderClosed)).toEqual([false, true]);
    expect(run('followups', '客户名称,跟进时间\n张三,2024-03-05\n').records[0]!.record.reminderClosed).toBeNull();
    expect(run('followups', '客户名称,跟进时间,提醒已完成\n张三,2024-03-05,也许\n').errors.map((e) => e.reason)).toEqual(['invalid_yes_no']);
  });

  it('refuses a follow-up dated after today, naming its cell; today itself and earlier days are taken', () => {
    const csv = ['客户名称,跟进时间,跟进内容', '张三,2026-11-24 09:00,计划回访', '李四,2026-11-23 23:30,今晚', '王五,2062-11-23,打错年份', '赵六,2026-11-22,昨天'].join('\n');
    const v = run('followups', csv, { today: '2026-11-23' });
    expect(v.records.map((r) => r.record.customer.name)).toEqual(['李四', '赵六']);
    expect(v.errors.map((e) => [e.row, e.header, e.value, e.reason])).toEqual([
      [2, '跟进时间', '2026-11-24 09:00', 'occurred_in_future'],
      [4, '跟进时间', '2062-11-23', 'occurred_in_future'],
    ]);
    expect(v.errors[0]!.message).toBe('Row 2, column "跟进时间": "2026-11-24 09:00" is later than today: a follow-up records a contact that happened (a planned one is a next-contact date).');
    // Without a today (a caller that does not know it), no date is too late.
    expect(run('followups', csv).errors).toEqual([]);
  });

  it('validates a stream batch by batch with what the first batch taught', () => {
    const table = parseCsv('客户,跟进日期,内容\nA,13/3/2024,x\nB,3/5/2024,y\n');
    const mapping = autoMapHeaders(table.headers, 'followups').mapping;
    const validator = createRowValidator('followups', table.headers, mapping, options, table.rows.slice(0, 1));
    expect(validator.inferred.dateOrder).toEqual({ occurredAt: 'dmy' });
    expect(validator.validate(table.rows[1]!).record?.occurredDate).toBe('2024-05-03');
  });
});

describe('validateRows: a file from Taiwan or Hong Kong, its values in Traditional Chinese', () => {
  it('reads customers\' types, needs, sources and levels', () => {
    const v = run('customers', ['客戶名稱,類型,需求類型,來源,客戶等級', '陳大文,企業,解決方案,轉介紹,A類', '林小美,經銷商,產品,電話行銷,B級', '黃志明,個人,服務,官網,一般客戶'].join('\n'));
    expect(v.errors).toEqual([]);
    expect(v.records.map(({ record: r }) => [r.name, r.type, r.needs, r.source, r.manualLevel])).toEqual([
      ['陳大文', 'enterprise', 'solution', 'referral', 'A'],
      ['林小美', 'distributor', 'product', 'cold_call', 'B'],
      ['黃志明', 'individual', 'service', 'website', 'C'],
    ]);
  });

  it('reads follow-ups\' channels, intents, satisfaction and closed reminders', () => {
    const v = run(
      'followups',
      ['客戶名稱,跟進時間,跟進方式,意向,滿意度,下次聯絡日期,提醒已完成', '陳大文,2024-03-05,電話,有意向,非常滿意,2024-03-12,已關閉', '林小美,2024-03-06,視訊會議,猶豫,滿意,2024-03-20,未關閉', '黃志明,2024-03-07,微信,以後再說,不滿意,,'].join('\n'),
    );
    expect(v.errors).toEqual([]);
    expect(v.records.map(({ record: r }) => [r.customer.name, r.channel, r.intent, r.satisfaction, r.reminderClosed])).toEqual([
      ['陳大文', 'call', 'interested', 5, true],
      ['林小美', 'meeting', 'hesitant', 4, false],
      ['黃志明', 'wechat', 'not_now', 2, null],
    ]);
  });

  it('reads a return column\'s 退貨 and 銷售', () => {
    const v = run('orders', ['客戶名稱,下單日期,金額,退貨', '陳大文,2024-03-05,120,銷售', '陳大文,2024-03-06,-40,退貨', '林小美,2024-03-06,-15,對', '林小美,2024-03-07,60,沒有'].join('\n'));
    expect(v.errors).toEqual([]);
    expect(v.records.map(({ record: r }) => [r.customer.name, r.amountMinor, r.isReturn])).toEqual([
      ['陳大文', 12000, false],
      ['陳大文', -4000, true],
      ['林小美', -1500, true],
      ['林小美', 6000, false],
    ]);
  });
});

describe("validateRows: a follow-up's next-contact time", () => {
  it('reads the times people write, as HH:MM', () => {
    const cells = ['14:30', '9:05', '14:30:00', '2:30 pm', '下午2:30', '14点30分', '14点', '1899-12-30 14:30'];
    const v = run('followups', ['客户名称,跟进时间,下次联系日期,下次联系时刻', ...cells.map((c) => `张三,2024-01-05,2024-01-09,${c}`)].join('\n'));
    expect(v.errors).toEqual([]);
    expect(v.records.map((r) => r.record.nextContactTime)).toEqual(['14:30', '09:05', '14:30', '14:30', '14:30', '14:30', '14:00', '14:30']);
  });

  it('refuses a time that is none, and a time without its day; the English export header maps too', () => {
    const v = run('followups', ['Customer,Follow-up date,Next contact date,Next contact time', 'Ann,2024-01-05,2024-01-09,25:00', 'Ann,2024-01-05,2024-01-09,14:61', 'Ann,2024-01-05,,14:30', 'Ann,2024-01-05,,'].join('\n'));
    expect(v.errors.map((e) => [e.row, e.header, e.reason])).toEqual([
      [2, 'Next contact time', 'invalid_time'],
      [3, 'Next contact time', 'invalid_time'],
      [4, 'Next contact time', 'next_contact_time_without_date'],
    ]);
    expect(v.errors[2]!.message).toBe('Row 4, column "Next contact time": "14:30" is a next-contact time without a next-contact date: give the day too, or leave the time blank.');
    expect(v.records.map((r) => [r.row, r.record.nextContactDate, r.record.nextContactTime])).toEqual([[5, null, null]]);
  });

  it("imports a previous version's export, without the time column, as before", () => {
    const v = run('followups', ['客户名称,跟进时间,下次联系日期,提醒已完成,系统ID', '张三,2024-01-05 10:00:00,2024-01-09,否,0194abcd'].join('\n'));
    expect(v.errors).toEqual([]);
    expect(v.records[0]!.record).toMatchObject({ nextContactDate: '2024-01-09', nextContactTime: null, reminderClosed: false });
  });
});

describe('validateRows: archived and a hand-set locality', () => {
  it('reads the archived column, and the locality only where the file says it was set by hand', () => {
    const v = run('customers', ['客户名称,本地/外地,本地/外地手动设定,已归档', '张三,外地,是,是', '李四,本地,否,否', '王五,本地,,', '赵六,,是,'].join('\n'));
    expect(v.records.map((r) => [r.record.name, r.record.locality, r.record.localityManual, r.record.archived])).toEqual([
      ['张三', 'non_local', true, true],
      ['李四', null, false, false],
      ['王五', null, null, null],
    ]);
    // Set by hand, but to nothing: refused rather than quietly derived.
    expect(v.errors.map((e) => [e.row, e.field, e.reason])).toEqual([[5, 'locality', 'required']]);
  });

  it("imports a previous version's export (Locality (info), no hand-set or archived column): the locality is derived", () => {
    const v = run('customers', ['Name,Locality (info),Orders (info),Record ID', 'Ann,Overseas,3,0194abcd'].join('\n'));
    expect(v.errors).toEqual([]);
    expect(v.records[0]!.record).toMatchObject({ name: 'Ann', locality: null, localityManual: null, archived: null });
  });
});
