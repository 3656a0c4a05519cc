import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { ROOT, tempDir } from '../support/test-app';

/**
 * A refusal on the command line is printed in the user's language, as the app's screens print it: --lang first, then
 * the workspace's language setting, then the system's locale (LC_ALL, LC_MESSAGES, LANG). Run as a user runs it, with
 * LANG=zh_CN.UTF-8 or LANG=C. The exit code, stdout and --json stay as they were; only the stderr line is translated.
 */
const CHINESE = { LANG: 'zh_CN.UTF-8' };
const C_LOCALE = { LANG: 'C' };

const run = (locale: Record<string, string>, ...args: string[]) => {
  const { code, stdout, stderr } = runCli(args, ROOT, locale);
  return { code, stdout, stderr };
};

let dir: string;
/** A workspace that follows the system's language (the default), with one customer. */
let shop: string;
let customerId: string;
/** A workspace set to Chinese in its settings, as the app's Settings page sets it. */
let chineseShop: string;
let chineseCustomerId: string;

const firstCustomer = (db: string) => (JSON.parse(run(C_LOCALE, 'customers', 'list', '--db', db, '--json').stdout) as { rows: { id: string }[] }).rows[0]!.id;
const orderCount = (db: string, customer: string) => (JSON.parse(run(C_LOCALE, 'orders', 'list', '--db', db, '--customer', customer, '--json').stdout) as { orders: unknown[] }).orders.length;

beforeAll(() => {
  dir = tempDir();
  shop = join(dir, 'shop.sqlite');
  expect(run(C_LOCALE, 'customers', 'add', '--db', shop, '--name', '张三').code).toBe(0);
  customerId = firstCustomer(shop);
  chineseShop = join(dir, 'zh.sqlite');
  expect(run(C_LOCALE, 'settings', 'set', '--db', chineseShop, '--language', 'zh-CN').code).toBe(0);
  expect(run(C_LOCALE, 'customers', 'add', '--db', chineseShop, '--name', '李四').code).toBe(0);
  chineseCustomerId = firstCustomer(chineseShop);
}, 60_000);

const order = (db: string, customer: string, ...flags: string[]) => ['orders', 'add', '--db', db, '--customer', customer, '--date', '2026-11-20', '--currency', 'CNY', ...flags];

describe('a refusal in a Chinese locale (LANG=zh_CN.UTF-8)', () => {
  it('says a phone with an extension has one and where to keep it, and adds no customer', () => {
    const add = ['customers', 'add', '--db', shop, '--name', '王五', '--phone', '+1 212-555-0100 ext. 1234'];
    expect(run(CHINESE, ...add)).toEqual({ code: 2, stdout: '', stderr: '错误：--phone：带有分机号（1234）：电话号码不带分机号保存，才能查重和搜索。请只填号码，把分机号写在这条联系方式的备注或客户备注里\n' });
    expect(run(C_LOCALE, ...add)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --phone has an extension (1234): phone numbers are kept without one, so they can be matched and searched; enter the number alone and keep the extension in the contact’s label or the notes\n',
    });
    expect(JSON.parse(run(C_LOCALE, 'customers', 'list', '--db', shop, '--json').stdout).rows).toHaveLength(1);
  });

  it('says an amount with a decimal comma is not an amount, in the screens’ words, and records nothing', () => {
    expect(run(CHINESE, ...order(shop, customerId, '--amount', '12,50'))).toEqual({ code: 2, stdout: '', stderr: '错误：--amount：金额格式不正确，请填写如 12.34 的数字\n' });
    expect(run(C_LOCALE, ...order(shop, customerId, '--amount', '12,50'))).toEqual({ code: 2, stdout: '', stderr: 'error: --amount must be a positive amount such as 12.34\n' });
    expect(orderCount(shop, customerId)).toBe(0);
  });

  it('says a wrong date as the order form does, naming the flag typed', () => {
    expect(run(CHINESE, 'orders', 'add', '--db', shop, '--customer', customerId, '--date', '2026-13-40', '--currency', 'CNY', '--amount', '5')).toEqual({
      code: 2,
      stdout: '',
      stderr: '错误：--date：日期格式应为 2026-03-05\n',
    });
    expect(run(C_LOCALE, 'orders', 'add', '--db', shop, '--customer', customerId, '--date', '2026-13-40', '--currency', 'CNY', '--amount', '5').stderr).toBe('error: --date must be a date like 2026-03-05\n');
  });

  it('says which customer is not there, and which flag a missing customer needs', () => {
    expect(run(CHINESE, ...order(shop, 'nobody', '--amount', '5'))).toEqual({ code: 1, stdout: '', stderr: '错误：找不到 ID 为 nobody 的客户\n' });
    expect(run(C_LOCALE, ...order(shop, 'nobody', '--amount', '5'))).toEqual({ code: 1, stdout: '', stderr: 'error: No customer with id nobody\n' });
    const withoutCustomer = ['orders', 'add', '--db', shop, '--date', '2026-11-20', '--currency', 'CNY', '--amount', '5'];
    expect(run(CHINESE, ...withoutCustomer)).toEqual({ code: 2, stdout: '', stderr: '错误：缺少 --customer，这一项必填\n' });
    expect(run(C_LOCALE, ...withoutCustomer)).toEqual({ code: 2, stdout: '', stderr: 'error: --customer is required\n' });
  });

  it('says an unknown flag and an unknown command in Chinese, the flag and the command words as typed', () => {
    expect(run(CHINESE, ...order(shop, customerId, '--amout', '5'))).toEqual({ code: 2, stdout: '', stderr: '错误：未知参数 --amout（tierbook orders add --help 列出这个命令可用的参数）\n' });
    expect(run(C_LOCALE, ...order(shop, customerId, '--amout', '5')).stderr).toBe('error: unknown flag --amout (tierbook orders add --help lists the flags it takes)\n');
    expect(run(CHINESE, 'ordrs', 'add', '--db', shop)).toEqual({ code: 2, stdout: '', stderr: '错误：没有“ordrs add”这个命令（见 tierbook --help）\n' });
    expect(run(CHINESE, 'orders', '--db', shop)).toEqual({ code: 2, stdout: '', stderr: '错误：“orders”后面还要一个词：orders add, return, pay, payments, list, delete, deleted, restore（见 tierbook --help）\n' });
  });

  it('says a --db that names no file, and creates none', () => {
    const missing = join(dir, 'shpo.sqlite');
    expect(run(CHINESE, 'customers', 'list', '--db', missing)).toEqual({
      code: 2,
      stdout: '',
      stderr: `错误：${missing} 没有数据库（没有新建任何文件；"tierbook demo"、"customers add" 或导入会新建一个）\n`,
    });
    expect(run(C_LOCALE, 'customers', 'list', '--db', missing).stderr).toBe(`error: no database at ${missing} (nothing was created; "tierbook demo", "customers add" or an import starts one)\n`);
    expect(readdirSync(dir).filter((name) => name.startsWith('shpo'))).toEqual([]);
  });

  it('names the nth of a repeated flag and the part of an order line in Chinese', () => {
    expect(run(CHINESE, ...order(shop, customerId, '--line', '|茶|1|5', '--line', '|茶|1|x')).stderr).toBe('错误：第 2 个 --line 的单价：金额格式不正确，请填写如 12.34 的数字\n');
    expect(run(C_LOCALE, ...order(shop, customerId, '--line', '|茶|1|5', '--line', '|茶|1|x')).stderr).toBe('error: the unit price of the 2nd --line must be a positive amount such as 12.34\n');
    expect(run(CHINESE, ...order(shop, customerId, '--line', 'a|b|0|1')).stderr).toBe('错误：--line：数量应为不等于 0 的数字，输入的是“0”\n');
    expect(run(CHINESE, 'customers', 'list', '--db', shop, '--view', 'bogus')).toEqual({ code: 2, stdout: '', stderr: '错误：--view：应为以下之一：active, archived, trash，输入的是“bogus”\n' });
    expect(orderCount(shop, customerId)).toBe(0);
  });
});

describe('a refusal the screens already word', () => {
  it('says a day without stored tiers, a file that is no database and a mapping that leaves out the name as the app does', () => {
    const migration = ['migration', '--db', shop, '--scheme', 'pyramid', '--from', '2000-01-01', '--to', '2026-12-01'];
    expect(run(CHINESE, ...migration)).toEqual({ code: 1, stdout: '', stderr: '错误：--from：该日期及之前没有保存的分层快照（请先重新计算分层）\n' });
    expect(run(C_LOCALE, ...migration).stderr).toBe('error: No tier snapshot is stored on or before 2000-01-01 (run segment first)\n');

    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a database\n');
    expect(run(CHINESE, 'customers', 'list', '--db', notes)).toEqual({ code: 1, stdout: '', stderr: `错误：${notes} 不是数据库文件，文件保持原样。请选择一个 TierBook 数据库，或一个新文件名来新建。\n` });
    expect(readFileSync(notes, 'utf8')).toBe('not a database\n');

    const columns = join(dir, 'columns.csv');
    writeFileSync(columns, 'foo,bar\n1,2\n');
    expect(run(CHINESE, 'import', 'customers', columns, '--db', shop)).toEqual({
      code: 2,
      stdout: '',
      stderr: '错误：列对应缺少必需字段：name, company；请用 --mapping FILE.json（{"列名": "字段"}）为每个字段指定一列，或修改表头\n',
    });
    expect(run(C_LOCALE, 'import', 'customers', columns, '--db', shop).stderr).toBe(
      'error: The mapping leaves out required fields: name or company (the file\'s columns: foo, bar). Map a column to each with --mapping FILE.json ({"header": "field"}), or rename the headers.\n',
    );
  });
});

describe('which language a refusal is printed in', () => {
  const decimalComma = (db: string, customer: string, ...flags: string[]) => order(db, customer, '--amount', '12,50', ...flags);
  const CHINESE_LINE = '错误：--amount：金额格式不正确，请填写如 12.34 的数字\n';
  const ENGLISH_LINE = 'error: --amount must be a positive amount such as 12.34\n';

  it('is --lang’s when typed, over the locale (either form of the flag)', () => {
    expect(run(CHINESE, ...decimalComma(shop, customerId, '--lang', 'en'))).toEqual({ code: 2, stdout: '', stderr: ENGLISH_LINE });
    expect(run(C_LOCALE, ...decimalComma(shop, customerId, '--lang', 'zh-CN'))).toEqual({ code: 2, stdout: '', stderr: CHINESE_LINE });
    expect(run(C_LOCALE, ...decimalComma(shop, customerId, '--lang=zh-CN')).stderr).toBe(CHINESE_LINE);
    // A refusal found before the flags are read (an unknown flag) is in --lang's language too.
    expect(run(C_LOCALE, ...order(shop, customerId, '--bogus', '1', '--lang', 'zh-CN')).stderr).toBe('错误：未知参数 --bogus（tierbook orders add --help 列出这个命令可用的参数）\n');
  });

  it('is the workspace’s own setting when it names a language, over the locale; --lang still wins', () => {
    expect(run(C_LOCALE, ...decimalComma(chineseShop, chineseCustomerId))).toEqual({ code: 2, stdout: '', stderr: CHINESE_LINE });
    expect(run(C_LOCALE, ...order(chineseShop, chineseCustomerId, '--amout', '5')).stderr).toBe('错误：未知参数 --amout（tierbook orders add --help 列出这个命令可用的参数）\n');
    expect(run(C_LOCALE, ...decimalComma(chineseShop, chineseCustomerId, '--lang', 'en')).stderr).toBe(ENGLISH_LINE);
    // Reading the setting leaves nothing beside the database (no -wal or -shm file).
    expect(readdirSync(dir).filter((name) => name.startsWith('zh.sqlite'))).toEqual(['zh.sqlite']);
    expect(run(C_LOCALE, 'settings', 'set', '--db', chineseShop, '--language', 'en').code).toBe(0);
    expect(run(CHINESE, ...decimalComma(chineseShop, chineseCustomerId)).stderr).toBe(ENGLISH_LINE);
    expect(run(C_LOCALE, 'settings', 'set', '--db', chineseShop, '--language', 'system').code).toBe(0);
    expect(run(CHINESE, ...decimalComma(chineseShop, chineseCustomerId)).stderr).toBe(CHINESE_LINE);
    expect(run(C_LOCALE, ...decimalComma(chineseShop, chineseCustomerId)).stderr).toBe(ENGLISH_LINE);
  });

  it('follows LC_ALL over LC_MESSAGES over LANG, and reads C, POSIX and other languages as English', () => {
    expect(run({ LANG: 'C', LC_ALL: 'zh_CN.UTF-8' }, ...decimalComma(shop, customerId)).stderr).toBe(CHINESE_LINE);
    expect(run({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, ...decimalComma(shop, customerId)).stderr).toBe(ENGLISH_LINE);
    expect(run({ LANG: 'C', LC_MESSAGES: 'zh_TW.UTF-8' }, ...decimalComma(shop, customerId)).stderr).toBe(CHINESE_LINE);
    expect(run({ LANG: 'zh_CN.UTF-8', LC_ALL: '' }, ...decimalComma(shop, customerId)).stderr).toBe(CHINESE_LINE);
    for (const locale of ['POSIX', 'en_US.UTF-8', 'de_DE.UTF-8', 'C.UTF-8']) expect(run({ LANG: locale }, ...decimalComma(shop, customerId)).stderr, locale).toBe(ENGLISH_LINE);
  });

  it('refuses a --lang that is neither language, naming both, in the locale’s language', () => {
    expect(run(C_LOCALE, ...decimalComma(shop, customerId, '--lang', 'fr'))).toEqual({ code: 2, stdout: '', stderr: 'error: --lang must be zh-CN|en, got "fr"\n' });
    expect(run(CHINESE, ...decimalComma(shop, customerId, '--lang', 'fr'))).toEqual({ code: 2, stdout: '', stderr: '错误：--lang 应为 zh-CN|en 之一，输入的是“fr”\n' });
  });

  it('leaves exit codes and --json as they were: what a script reads is the same in either language', () => {
    const listed = (locale: Record<string, string>, ...flags: string[]) => run(locale, 'customers', 'list', '--db', shop, '--json', ...flags);
    expect(listed(CHINESE)).toEqual(listed(C_LOCALE));
    expect(listed(C_LOCALE, '--lang', 'zh-CN')).toEqual(listed(C_LOCALE));
    expect(JSON.parse(listed(CHINESE).stdout)).toMatchObject({ total: 1, rows: [{ name: '张三' }] });
    const refused = (locale: Record<string, string>) => run(locale, ...decimalComma(shop, customerId, '--json'));
    expect([refused(CHINESE).code, refused(CHINESE).stdout]).toEqual([refused(C_LOCALE).code, refused(C_LOCALE).stdout]);
  });

  it('prints the help in the user’s language: the usage line, every command and what it does', () => {
    const chinese = run(CHINESE, '--help');
    expect(chinese.code).toBe(0);
    expect(chinese.stdout.split('\n')[0]).toBe('用法：tierbook <命令> --db FILE [参数] [--json]');
    expect(chinese.stdout).toContain('  orders add         记录订单：--customer ID --date YYYY-MM-DD --currency CNY');
    expect(run(C_LOCALE, '--help', '--lang', 'zh-CN').stdout).toBe(chinese.stdout);
    expect(run(C_LOCALE, '--help').stdout.split('\n')[0]).toBe('Usage: tierbook <command> --db FILE [flags] [--json]');
    const help = run(CHINESE, 'orders', 'add', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--lang zh-CN|en, --json');
    expect(help.stdout.split('\n')[0]).toBe('用法：tierbook orders add --db FILE [参数]');
    expect(run(CHINESE, 'orders', 'add', '--help', '--lang', 'en').stdout.split('\n')[0]).toBe('Usage: tierbook orders add --db FILE [flags]');
  });
});

describe('what a command prints when it succeeds', () => {
  const idIn = (line: string) => /[（(]([0-9a-f-]{36})[）)]$/.exec(line)?.[1];

  it('says a customer and an order added in the user’s language, and their JSON is the same in either', () => {
    const db = join(dir, 'printed.sqlite');
    const added = run(CHINESE, 'customers', 'add', '--db', db, '--name', '王五');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^已添加 王五（[0-9a-f-]{36}）\n$/);
    const customer = idIn(added.stdout.trim())!;
    expect(run(C_LOCALE, 'customers', 'add', '--db', db, '--name', 'Wang').stdout).toMatch(/^Added Wang \([0-9a-f-]{36}\)\n$/);
    expect(run(CHINESE, 'customers', 'list', '--db', db).stdout.split('\n').at(-2)).toBe('共 2 位客户，显示 2 位');
    expect(run(C_LOCALE, 'customers', 'list', '--db', db).stdout.split('\n').at(-2)).toBe('2 of 2 customers');

    const sale = run(CHINESE, ...order(db, customer, '--amount', '12.50', '--due', '2026-12-01'));
    expect(sale.stdout).toMatch(/^已添加订单 [0-9a-f-]{36}：2026-11-20 12\.50 CNY，欠款 12\.50 CNY，应于 2026-12-01 前付清\n$/);
    expect(run(C_LOCALE, ...order(db, customer, '--amount', '2.50')).stdout).toMatch(/^Added order [0-9a-f-]{36}: 2\.50 CNY on 2026-11-20\n$/);
    expect(run(CHINESE, 'orders', 'list', '--db', db, '--customer', customer).stdout.split('\n').at(-2)).toMatch(/^共 2 笔订单；欠款 12\.50 CNY/);
    expect(run(C_LOCALE, 'orders', 'list', '--db', db, '--customer', customer).stdout.split('\n').at(-2)).toMatch(/^2 orders; owed 12\.50 CNY/);
    const listed = (locale: Record<string, string>) => run(locale, 'orders', 'list', '--db', db, '--customer', customer, '--json');
    expect(listed(CHINESE)).toEqual(listed(C_LOCALE));
  });

  it('says the tiers segmented in the workspace’s language when it names one, and --lang still wins', () => {
    expect(run(C_LOCALE, 'settings', 'set', '--db', chineseShop, '--language', 'zh-CN').code).toBe(0);
    expect(run(C_LOCALE, 'segment', '--db', chineseShop, '--as-of', '2026-11-30').stdout.split('\n')[0]).toBe('已按 2026-11-30 计算分级');
    expect(run(C_LOCALE, 'segment', '--db', chineseShop, '--as-of', '2026-11-30', '--lang', 'en').stdout.split('\n')[0]).toBe('Segmented as of 2026-11-30');
    const segmented = (locale: Record<string, string>) => run(locale, 'segment', '--db', shop, '--as-of', '2026-11-30', '--json');
    expect(segmented(CHINESE)).toEqual(segmented(C_LOCALE));
  });
});

describe('what the reporting and housekeeping commands print when they succeed', () => {
  it('is in the user’s language, Today’s reasons and the imports’ statuses in the screens’ words; --json the same in either', () => {
    const today = run(CHINESE, 'today', '--db', shop).stdout.split('\n');
    expect(today[0]).toMatch(/^今日 \d{4}-\d{2}-\d{2}$/);
    expect(today[1]).toMatch(/张三 +新客户/);
    expect(today[2]).toBe('今天要服务 1 位客户');
    const english = run(C_LOCALE, 'today', '--db', shop).stdout.split('\n');
    expect([english[0], english[2]]).toEqual([today[0]!.replace('今日', 'Today'), '1 to serve']);
    expect(english[1]).toMatch(/张三 +New customer since /);
    expect(run(CHINESE, 'today', '--db', shop, '--json')).toEqual(run(C_LOCALE, 'today', '--db', shop, '--json'));

    expect(run(CHINESE, 'settings', 'get', '--db', shop).stdout.split('\n')[0]).toBe('商户名称：（未设置）');
    expect(run(C_LOCALE, 'settings', 'get', '--db', shop).stdout.split('\n')[0]).toBe('business name   (not set)');
    expect(run(CHINESE, 'import', 'batches', '--db', shop).stdout).toBe('还没有导入记录。\n');
    expect(run(C_LOCALE, 'import', 'batches', '--db', shop).stdout).toBe('No imports yet.\n');
    expect(run(CHINESE, 'segment', 'forget-future', '--db', shop, '--dry-run').stdout).toMatch(/^今天（\d{4}-\d{2}-\d{2}）之后的日子没有保存任何分级。\n$/);
    expect(run(C_LOCALE, 'segment', 'forget-future', '--db', shop, '--dry-run').stdout).toMatch(/^Nothing is stored for a day after today \(\d{4}-\d{2}-\d{2}\)\.\n$/);
  });
});

describe('the flags every command takes, written before the command', () => {
  it('are read as after it: --lang, --db and --json', () => {
    const before = run(C_LOCALE, '--lang', 'zh-CN', ...decimalCommaOrder(shop, customerId));
    expect(before).toEqual({ code: 2, stdout: '', stderr: '错误：--amount：金额格式不正确，请填写如 12.34 的数字\n' });
    expect(run(C_LOCALE, '--db', shop, 'segment', '--as-of', '2026-11-30')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Segmented as of 2026-11-30/) });
    expect(run(CHINESE, '--db', shop, '--json', 'customers', 'list')).toEqual(run(CHINESE, 'customers', 'list', '--db', shop, '--json'));
    expect(run(C_LOCALE, '--lang=zh-CN', '--db', shop, 'customers', 'list').stdout.split('\n').at(-2)).toBe('共 1 位客户，显示 1 位');
    expect(run(CHINESE, '--db', shop, '--help').stdout.split('\n')[0]).toBe('用法：tierbook <命令> --db FILE [参数] [--json]');
  });

  it('are the only ones there: any other flag, or no command after them, is refused in the user’s language', () => {
    expect(run(CHINESE, '--name', 'x', 'customers', 'add', '--db', shop)).toEqual({
      code: 2,
      stdout: '',
      stderr: '错误：--name 不能写在命令前面：命令前只能写 --db, --json, --lang；请先写命令，再写它的参数（tierbook --help 列出全部命令）\n',
    });
    expect(run(C_LOCALE, '--name', 'x', 'customers', 'add', '--db', shop)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --name cannot come before the command: only --db, --json, --lang can; write the command first, then its flags (tierbook --help lists the commands)\n',
    });
    expect(run(C_LOCALE, '--db', shop)).toEqual({ code: 2, stdout: '', stderr: `error: "tierbook --db ${shop}" names no command: add one, such as tierbook --db ${shop} customers list (tierbook --help lists the commands)\n` });
  });
});

const decimalCommaOrder = (db: string, customer: string) => order(db, customer, '--amount', '12,50');
