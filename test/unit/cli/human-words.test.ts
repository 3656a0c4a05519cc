import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseMoney } from '../../../core/cli/base-money';
import { hintLine } from '../../../core/cli/commands-segmentation';
import { ALL_COMMANDS, commandUsage, usage } from '../../../core/cli/registry';
import { wordsIn } from '../../../core/cli/words';
import { commandOf as command, humanLines as human } from '../../support/cli-human';
import { resources } from '../../../renderer/i18n/resources';
import { bothTranslators } from '../../support/both-languages';
import { ROOT } from '../../support/test-app';

/**
 * What a command prints when it succeeds (not --json), in the user's language: each line worded through the
 * command line's words (cli:out), both languages complete. Schemes, classes, groups, bases and ways of cutting are
 * named by the screens' words in both languages, never by their keys.
 */
const zh = wordsIn('zh-CN');
const en = wordsIn('en');
const t = bothTranslators();


describe('customers and follow-ups, in both languages', () => {
  const added = { customer: { id: 'c1', name: '张三' }, duplicates: [{ customerId: 'c2', name: '李四', company: '李记', kind: 'wechat', value: 'li4' }] };

  it('say a customer added, and a possible duplicate by the screens’ word for the contact', () => {
    expect(human(['customers', 'add'], added, 'zh-CN').split('\n')).toEqual(['已添加 张三（c1）', `提醒：可能重复——李四（李记） c2 的${t['zh-CN']('common:contactKind.wechat')}同为 li4`]);
    expect(human(['customers', 'add'], added, 'en').split('\n')).toEqual(['Added 张三 (c1)', 'warning: possible duplicate — 李四 (李记) c2 has the same wechat li4']);
  });

  it('count the customers listed', () => {
    const listed = { rows: [{ id: 'c1', name: '张三', company: null, phone: null, classes: {} }], total: 7 };
    expect(human(['customers', 'list'], listed, 'zh-CN').split('\n').at(-1)).toBe('共 7 位客户，显示 1 位');
    expect(human(['customers', 'list'], listed, 'en').split('\n').at(-1)).toBe('1 of 7 customers');
  });

  it('say a follow-up logged, its next contact and the reminders it closed', () => {
    const logged = { followUp: { id: 'f1', nextContactDate: '2026-12-10', nextContactTime: '09:30' }, answered: ['r1', 'r2'] };
    expect(human(['followups', 'add'], logged, 'zh-CN')).toBe('已记录跟进 f1；下次联系 2026-12-10 09:30；已关闭 2 条提醒');
    expect(human(['followups', 'add'], logged, 'en')).toBe('Logged follow-up f1; next contact 2026-12-10 09:30; closed 2 reminders');
    expect(human(['followups', 'add'], { followUp: { id: 'f2', nextContactDate: null, nextContactTime: null }, answered: [] }, 'zh-CN')).toBe('已记录跟进 f2');
  });

  it('title the sections of follow-ups due and what the limit left out', () => {
    const item = { dueDate: '2026-12-01', customerName: '张三', phone: null, lastContent: '报价' };
    const due = { asOf: '2026-12-07', overdue: [item], today: [], upcoming: [], counts: { overdue: 3, today: 0, upcoming: 0 } };
    expect(human(['followups', 'due'], due, 'zh-CN').split('\n')).toEqual(['已逾期（3）', expect.stringContaining('张三'), '  ……还有 2 条（--limit N 显示更多）', '今天 2026-12-07（0）', '未来几天（0）']);
    expect(human(['followups', 'due'], due, 'en').split('\n')).toEqual(['Overdue (3)', expect.stringContaining('张三'), '  … and 2 more (--limit N)', 'Today 2026-12-07 (0)', 'Next days (0)']);
  });
});

describe('orders, in both languages', () => {
  const created = { id: 'o1', orderNumber: 'A-1', amountMinor: 10000, currency: 'USD', orderDate: '2026-11-20', baseCurrency: 'CNY', baseAmountMinor: 71000, fxRate: 7.1, balanceMinor: 8000, paymentDueDate: '2026-12-01' };

  it('say an order added: its amount, what it is in the base currency, what is owed and by when', () => {
    expect(human(['orders', 'add'], created, 'zh-CN')).toBe('已添加订单 o1（单号 A-1）：2026-11-20 100.00 USD（折合 710.00 CNY，汇率 7.1000），欠款 80.00 USD，应于 2026-12-01 前付清');
    expect(human(['orders', 'add'], created, 'en')).toBe('Added order o1 (A-1): 100.00 USD on 2026-11-20 (= 710.00 CNY at 7.1000), owes 80.00 USD by 2026-12-01');
    const paid = { ...created, orderNumber: null, currency: 'CNY', amountMinor: 2500, balanceMinor: 0, paymentDueDate: null };
    expect(human(['orders', 'add'], paid, 'zh-CN')).toBe('已添加订单 o1：2026-11-20 25.00 CNY');
  });

  it('list orders with their kind, payment status by the screens’ word, and what is owed and overdue', () => {
    const sale = { id: 'o1', orderDate: '2026-11-20', kind: 'sale', orderNumber: 'A-1', amountMinor: 10000, currency: 'CNY', profitMinor: 3000, paymentStatus: 'part', balanceMinor: 8000, paymentDueDate: '2026-12-01', overdue: true, lines: [] };
    const back = { ...sale, id: 'o2', kind: 'return', orderNumber: null, amountMinor: -1000, profitMinor: null, paymentStatus: null, balanceMinor: 0, overdue: false };
    const listed = { orders: [sale, back], balanceBaseMinor: 8000, overdueBaseMinor: 8000, baseCurrency: 'CNY' };
    const [first, second, total] = human(['orders', 'list'], listed, 'zh-CN').split('\n');
    expect(first).toMatch(new RegExp(`^2026-11-20  销售  A-1 +100\\.00 CNY +  毛利 30\\.00 CNY  ${t['zh-CN']('orders:paymentStatus.part')} 欠 80\\.00 CNY，2026-12-01 到期，已逾期  o1$`));
    expect(second).toMatch(/^2026-11-20  退货  - +-10\.00 CNY +o2$/);
    expect(total).toBe('共 2 笔订单；欠款 80.00 CNY，其中逾期 80.00 CNY');
    const english = human(['orders', 'list'], listed, 'en').split('\n');
    expect(english[0]).toMatch(/^2026-11-20  sale    A-1 +100\.00 CNY +  profit 30\.00 CNY  part owes 80\.00 CNY due 2026-12-01 OVERDUE  o1$/);
    expect(english[2]).toBe('2 orders; owed 80.00 CNY, overdue 80.00 CNY');
  });
});

describe('tiers, in both languages', () => {
  it('say the day segmented and count each class, named in Chinese as the screens name it', () => {
    const segmented = { asOf: '2026-11-30', stored: false, schemes: { pyramid: { gold: 2, iron: 0, lead: 5 } }, spellings: {} };
    const gold = t['zh-CN']('tiers:classes.gold');
    const lead = t['zh-CN']('tiers:classes.lead');
    const pyramid = `${t['zh-CN']('tiers:schemes.pyramid')}        `; // five characters, ten columns of eighteen
    expect(human(['segment'], segmented, 'zh-CN').split('\n')).toEqual([`已按 2026-11-30 计算分级${resources.cli['zh-CN'].out.segment.notStored}`, `  ${pyramid} ${gold} 2，${lead} 5`]);
    expect(human(['segment'], segmented, 'en').split('\n')).toEqual([
      'Segmented as of 2026-11-30 (not stored: a later day is stored already; if it is after today, `segment forget-future` lists and removes it)',
      '  Customer pyramid   Gold 2, Lead 5',
    ]);
  });

  it('name the profile schemes and their classes by the screens\' and the customer form\'s words and countries by name, in both languages', () => {
    const segmented = {
      asOf: '2026-11-30',
      stored: true,
      schemes: { intent: { hesitant: 3, unknown: 1 }, type: { distributor: 2 }, locality: { non_local: 4 }, needs: { solution: 5 }, country: { de: 6 } },
      spellings: {},
    };
    const zhText = t['zh-CN'];
    const lines = human(['segment'], segmented, 'zh-CN').split('\n').slice(1);
    // A Chinese character takes two columns of a terminal: the scheme's column is 18 columns wide.
    const columns = (text: string) => [...text].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 1 : 2), 0);
    const scheme = (key: string) => {
      const name = zhText(`tiers:schemes.${key}`);
      return name + ' '.repeat(18 - columns(name));
    };
    expect(lines).toEqual([
      `  ${scheme('intent')} ${zhText('common:intent.hesitant')} 3，${zhText('tiers:classes.unknown')} 1`,
      `  ${scheme('type')} ${zhText('common:customerType.distributor')} 2`,
      `  ${scheme('locality')} ${zhText('common:locality.non_local')} 4`,
      `  ${scheme('needs')} ${zhText('common:needs.solution')} 5`,
      `  ${scheme('country')} ${new Intl.DisplayNames(['zh-CN'], { type: 'region' }).of('DE')} 6`,
    ]);
    expect(lines.join('')).not.toMatch(/intent|type|locality|needs|country|hesitant|distributor|non_local|solution|\bde\b/);
    const english = human(['segment'], segmented, 'en').split('\n').slice(1);
    expect(english).toEqual([
      '  Purchase intent    Hesitant 3, Not filled in 1',
      '  Customer type      Distributor 2',
      '  Locality           Non-local 4',
      '  Needs              Solution 5',
      '  Country            Germany 6',
    ]);
    expect(english.join('')).not.toMatch(/hesitant|distributor|non_local|solution|unknown|\bde\b/);
  });

  it("call a pyramid ranked by predicted value's 'none' unranked in Chinese, as the screens do; by revenue, no orders", () => {
    const segmented = { asOf: '2026-11-30', stored: true, schemes: { pyramid: { gold: 2, none: 7 } }, spellings: {} };
    const pyramid = `${t['zh-CN']('tiers:schemes.pyramid')}        `; // five characters, ten columns of eighteen
    const byPrediction = human(['segment'], { ...segmented, pyramidByPrediction: true }, 'zh-CN').split('\n')[1];
    expect(byPrediction).toBe(`  ${pyramid} ${t['zh-CN']('tiers:classes.gold')} 2，${t['zh-CN']('tierSettings:predicted.unranked')} 7`);
    expect(human(['segment'], { ...segmented, pyramidByPrediction: false }, 'zh-CN').split('\n')[1]).toBe(`  ${pyramid} ${t['zh-CN']('tiers:classes.gold')} 2，${t['zh-CN']('tiers:classes.none')} 7`);
    expect(human(['segment'], { ...segmented, pyramidByPrediction: true }, 'en').split('\n')[1]).toBe(`  Customer pyramid   Gold 2, ${t.en('tierSettings:predicted.unranked')} 7`);
    expect(human(['segment'], { ...segmented, pyramidByPrediction: false }, 'en').split('\n')[1]).toBe('  Customer pyramid   Gold 2, No orders 7');
  });

  it('page the members of a tier', () => {
    const page = { asOf: '2026-11-30', total: 40, offset: 10, rows: [{ id: 'c1', code: null, name: '张三', classKey: 'gold', scores: null, revenueMinor: 123456 }], scheme: 'pyramid', caveats: [], spellings: {} };
    const [row, footer] = human(['tiers'], page, 'zh-CN', 'CNY').split('\n');
    // The customer's name first, as today and predict name them; the id last, for --customer.
    expect(row).toMatch(/^张三 .* 黄金 .* 营收 1234\.56 CNY +c1$/);
    expect(human(['tiers'], page, 'en', 'CNY').split('\n')[0]).toMatch(/^张三 .* Gold .* revenue 1234\.56 CNY +c1$/);
    // A group of a partition by the Tiers screen's word for it, not its key.
    const grouped = { ...page, rows: [{ ...page.rows[0]!, group: 'overseas' }], naming: { partition: 'market', customNames: new Map() } };
    expect(human(['tiers'], grouped, 'zh-CN', 'CNY').split('\n')[0]).toMatch(new RegExp(`^张三 +${t['zh-CN']('tierSettings:groups.overseas')} +黄金 `));
    expect(human(['tiers'], grouped, 'en', 'CNY').split('\n')[0]).toMatch(/^张三 +Overseas +Gold /);
    expect(footer).toBe('截至 2026-11-30 共 40 位客户，这里是第 11–11 位');
    expect(human(['tiers'], page, 'en', 'CNY').split('\n')[1]).toBe('11–11 of 40 customers as of 2026-11-30');
    expect(human(['tiers'], { ...page, rows: [], offset: 50 }, 'zh-CN', 'CNY')).toBe('--offset 50 超出了截至 2026-11-30 的全部 40 位客户');
    expect(human(['tiers'], { ...page, rows: [], total: 0, offset: 0 }, 'en', 'CNY')).toBe('no customers as of 2026-11-30');
  });

  it('explain a class: the window’s figures, the cut, the rank and what would move them', () => {
    const explanation = { kind: 'pyramid', basis: 'revenue', fellBackToRevenue: false, group: null, cuts: { gold: 50000 }, mode: 'shares', rank: 3, ranked: 40, rankValue: 60000, moves: [{ kind: 'spend_more', amountMinor: 20000, by: null, toClass: 'platinum' }] };
    const explained = { customerId: 'c1', name: '张三', asOf: '2026-11-30', metrics: { orderCount: 4, revenueMinor: 60000 }, schemes: { pyramid: { classKey: 'gold', explanation } }, spellings: {} };
    const [head, line] = human(['explain'], explained, 'zh-CN', 'CNY').split('\n');
    expect(head).toBe('张三（c1）截至 2026-11-30：分析期内 4 笔订单，营收 600.00 CNY');
    // The scheme, the basis and the way of cutting by the screens' words (客户金字塔, 营收, 按比例), not rfm / revenue / shares.
    const zhText = t['zh-CN'];
    expect(line).toBe(
      `  ${zhText('tiers:schemes.pyramid')}         黄金               排名依据 ${zhText('tierSettings:basis.revenue')}，门槛 ≥ 500.00 CNY（${zhText('tierSettings:cut.mode.shares')}），排名第 3/40，600.00 CNY；再消费 200.00 CNY → 铂金`,
    );
    expect(human(['explain'], explained, 'en', 'CNY').split('\n')[1]).toBe(
      '  Customer pyramid   Gold               ranked by Revenue, cut ≥ 500.00 CNY (by share), rank 3 of 40 at 600.00 CNY; spend 200.00 CNY more → Platinum',
    );
    // A first customer's single order is "1 order", not "1 orders".
    const once = { ...explained, metrics: { orderCount: 1, revenueMinor: 88000 } };
    expect(human(['explain'], once, 'en', 'CNY').split('\n')[0]).toBe('张三 (c1) as of 2026-11-30: 1 order, revenue 880.00 CNY in the window');
    expect(human(['explain'], explained, 'en', 'CNY').split('\n')[0]).toBe('张三 (c1) as of 2026-11-30: 4 orders, revenue 600.00 CNY in the window');
    expect(human(['explain'], once, 'zh-CN', 'CNY').split('\n')[0]).toBe('张三（c1）截至 2026-11-30：分析期内 1 笔订单，营收 880.00 CNY');
  });

  it('explain a ranked class in its group by the group’s word, with “1 customer” for a group of one', () => {
    const explanation = { kind: 'value', basis: 'gross_profit', fellBackToRevenue: false, group: { partition: 'market', key: 'overseas', size: 1 }, cuts: { high: 12 }, mode: 'thresholds', moves: [] };
    const explained = { customerId: 'c1', name: 'Ana', asOf: '2026-11-30', metrics: { orderCount: 4, revenueMinor: 60000 }, schemes: { value: { classKey: 'high', explanation }, rfm: { classKey: '555', explanation: { kind: 'rfm', group: { partition: 'market', key: 'domestic', size: 225 }, moves: [] } } }, spellings: {} };
    const zhText = t['zh-CN'];
    const [, value, rfm] = human(['explain'], explained, 'zh-CN', 'CNY').split('\n');
    expect(value).toContain(`排名依据 ${zhText('tierSettings:basis.gross_profit')}，分组 ${zhText('tierSettings:groups.overseas')}（1 位客户），门槛 价值分 ≥ 12（${zhText('tierSettings:cut.mode.thresholds')}）`);
    expect(rfm).toMatch(new RegExp(`^  ${zhText('tiers:schemes.rfm')} +555 +分组 ${zhText('tierSettings:groups.domestic')}（225 位客户）$`));
    const [, valueEn, rfmEn] = human(['explain'], explained, 'en', 'CNY').split('\n');
    expect(valueEn).toBe('  Value tiers        High value         ranked by Gross profit (revenue − cost), group Overseas (1 customer), cut value score ≥ 12 (fixed threshold)');
    expect(rfmEn).toBe('  RFM scores         555                group Domestic (225 customers)');
    for (const text of [value, rfm, valueEn, rfmEn]) expect(text).not.toMatch(/market|overseas|domestic|gross_profit|thresholds|\brfm\b/);
  });

  it('word every kind of hint in Chinese', () => {
    const cny = baseMoney('CNY');
    expect(hintLine({ kind: 'order_more', orders: 2, by: '2026-12-31', toClass: 'gold' }, cny, zh)).toBe('在 2026-12-31 前再下 2 单 → gold');
    expect(hintLine({ kind: 'order_within', days: 9, by: '2026-12-09', keeps: 'active' }, cny, zh)).toBe('9 天内（2026-12-09 前）下单可保持 active');
    expect(hintLine({ kind: 'changes_on', date: '2027-02-18', toClass: 'churned' }, cny, zh, (key) => t['zh-CN'](`tiers:classes.${key}`))).toBe('2027-02-18 起将变为 已流失');
    expect(hintLine({ kind: 'place_order', toClass: 'new' }, cny, zh)).toBe('下一单即可成为 new');
    expect(hintLine({ kind: 'raise_value_score', points: 0.5, toClass: 'high' }, cny, zh)).toBe('价值分再提高 0.5 → high');
    expect(hintLine({ kind: 'reach_score', dimension: 'm', score: 3, bound: 'at_least', value: 12050, toClass: 'gold' }, cny, zh)).toBe('m 达到 3 分需要分析期营收 ≥ 120.50 CNY → gold');
    expect(hintLine({ kind: 'reach_score', dimension: 'r', score: 4, bound: 'at_most', value: 1, toClass: null }, cny, zh)).toBe('r 达到 4 分需要距上次下单天数 ≤ 1');
    expect(hintLine({ kind: 'order_more', orders: 2, by: null, toClass: 'gold' }, cny, en)).toBe('2 more orders → gold');
  });
});

describe('import and backup, in both languages', () => {
  const summary = {
    batchId: 'b1', dryRun: false, rowsTotal: 3, added: 1, updated: 0, skipped: 1, rejected: 1, customersCreated: 2, encoding: 'utf-8', delimiter: ',', rejectsPath: '/tmp/r.csv', headerRow: 1,
    inferredPlaces: null, orders: { orders: 2, lines: 5, returns: 1 }, missing: { all: [], anyOf: [] }, tableIssues: [],
    errors: [{ row: 3, column: 'phone', field: 'phone', value: 'abc', reason: 'invalid_phone', message: 'Row 3, column "phone": "abc" is not a valid phone number.' }],
    rowParams: [undefined],
  };

  it('sum up an import, each row in error with the import screen’s reason', () => {
    expect(human(['import', 'customers'], summary, 'zh-CN').split('\n')).toEqual([
      '已导入为批次 b1（撤销：tierbook import undo --batch b1）。',
      '新增 1，更新 0，跳过 1，拒绝 1；编码 utf-8，分隔符 ","',
      '新建了 2 位客户',
      '订单明细：5 行 → 2 笔订单（其中退货 1 笔）',
      '被拒绝的行已写入 /tmp/r.csv',
      `  第 3 行，phone 列“abc”：${t['zh-CN']('importing:reasons.invalid_phone')}`,
    ]);
    expect(human(['import', 'customers'], summary, 'en').split('\n')).toEqual([
      'Imported as batch b1 (undo: tierbook import undo --batch b1).',
      'added 1, updated 0, skipped 1, rejected 1; encoding utf-8, delimiter ","',
      'created 2 customers',
      'order lines: 5 lines → 2 orders (1 returns)',
      'rejected rows written to /tmp/r.csv',
      '  Row 3, column "phone": "abc" is not a valid phone number.',
    ]);
    const dry = { ...summary, batchId: null, dryRun: true, encoding: null, delimiter: null, orders: undefined, customersCreated: 0, rejectsPath: null, errors: [], rowParams: [] };
    expect(human(['import', 'customers'], dry, 'zh-CN').split('\n')).toEqual(['试运行：没有写入任何数据。', '新增 1，更新 0，跳过 1，拒绝 1；按 .xlsx 工作簿读取']);
    const refused = { refused: true, batchId: null, rowsTotal: 3, rejected: 1, encoding: 'utf-8', delimiter: ',', headerRow: 1, errors: [], tableIssues: [], rowParams: [] };
    expect(human(['import', 'customers'], refused, 'zh-CN')).toBe('已拒绝：没有导入任何数据，因为 3 行中有 1 行有错误（全部导入或全不导入；--on-error skip 会导入无误的行）。');
  });

  it('print the import summary as JSON without what only the lines for people read', () => {
    const { rowParams: _rowParams, ...printed } = summary;
    expect(command('import', 'customers').json?.(summary as never)).toEqual(printed);
  });

  it('say a backup made and a restore done', () => {
    expect(human(['backup'], { path: '/tmp/b.sqlite', bytes: 4096 }, 'zh-CN')).toBe('已备份到 /tmp/b.sqlite（4096 字节）。');
    expect(human(['backup'], { path: '/tmp/b.sqlite', bytes: 4096 }, 'en')).toBe('Backed up to /tmp/b.sqlite (4096 bytes).');
    expect(human(['restore'], { restoredFrom: '/tmp/b.sqlite', safetyBackup: { path: '/tmp/s.sqlite' } }, 'zh-CN')).toBe('已从 /tmp/b.sqlite 恢复；原来的数据保存在 /tmp/s.sqlite。');
  });
});

describe('the help, in both languages', () => {
  it('says what every command does in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const summaries = resources.cli[language].help.commands as Record<string, string>;
      expect(Object.keys(summaries).sort(), language).toEqual([...ALL_COMMANDS.map((c) => c.words.join(' ')), 'serve'].sort());
    }
    const lines = usage(zh).split('\n');
    expect(lines[0]).toBe('用法：tierbook <命令> --db FILE [参数] [--json]');
    expect(lines).toContain(`  orders add         ${resources.cli['zh-CN'].help.commands['orders add']}`);
    expect(usage(en).split('\n')[0]).toBe('Usage: tierbook <command> --db FILE [flags] [--json]');
    expect(usage(en)).toContain("  orders add         Record an order: --customer ID --date YYYY-MM-DD --currency CNY");
  });

  it('gives one command’s usage, what it does and its flags', () => {
    expect(commandUsage(command('customers', 'add'), zh).split('\n')).toEqual([
      '用法：tierbook customers add --db FILE [参数]',
      '',
      '添加客户。联系方式可重复填写：--phone、--email、--wechat、--whatsapp。',
      '',
      expect.stringMatching(/^参数：--db FILE, --name VALUE, .*--tags VALUE（可重复）.*, --lang zh-CN\|en, --json$/),
    ]);
    expect(commandUsage(command('customers', 'add'), en).split('\n')[0]).toBe('Usage: tierbook customers add --db FILE [flags]');
  });
});

describe('the words the lines for people name', () => {
  it('are all in the resources, in both languages', () => {
    const folder = join(ROOT, 'core', 'cli');
    const source = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
    const keys = [...source.matchAll(/\bw\('((?:cli|tiers|importing):[\w.]+)'/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(60);
    for (const key of new Set(keys)) {
      const [namespace, path] = key.split(':') as [keyof typeof resources, string];
      for (const language of ['zh-CN', 'en'] as const) {
        const textOf = (at: string) => at.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[namespace][language]);
        // A word that counts is its plural forms (key_one, key_other), which i18next picks from the count.
        const text = textOf(path) ?? textOf(`${path}_other`);
        expect(typeof text, `${key} (${language})`).toBe('string');
      }
    }
  });
});
