import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RestoreSummary } from '../../../renderer/features/backup/RestoreSummary';
import { formatDateTime } from '../../../renderer/components/format';
import { bothTranslators } from '../../support/both-languages';

const ts = bothTranslators();

/** The longest name a file can have, without a space to break at, partly in Arabic. */
const STEM = `${'客户备份'.repeat(10)}-شركة-النور-2024-`;
const LONG_NAME = `${STEM}${'7'.repeat(255 - STEM.length - '.sqlite'.length)}.sqlite`;
const SUMMARY = { fileName: LONG_NAME, fileDate: '2026-11-20T09:30:00.000Z', customers: 29 };

/** The element the summary is drawn in: its tag, its attributes and its text. */
function drawn(language: 'en' | 'zh-CN') {
  const html = renderToStaticMarkup(createElement(RestoreSummary, { t: ts[language], summary: SUMMARY, leftTeam: false, language }));
  const open = /^<(\w+)\b([^>]*)>([\s\S]*)<\/\1>$/.exec(html);
  expect(open, html).not.toBeNull();
  const attributes = Object.fromEntries([...open![2]!.matchAll(/\s([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  return { tag: open![1], attributes, text: open![3]! };
}

/**
 * After a restore the "Backup restored" dialog named the file in a plain span: a 255-character name without a space
 * ran out of the dialog, and an Arabic one took the date and the count into its own direction. The name is now
 * isolated (FSI … PDI) inside a paragraph that breaks it anywhere and takes its direction from the sentence.
 */
describe('the summary after a restore', () => {
  it.each(['en', 'zh-CN'] as const)('%s: names the file isolated, in a paragraph that keeps it inside the dialog', (language) => {
    expect(LONG_NAME).toHaveLength(255);
    const { tag, attributes, text } = drawn(language);
    expect(tag).toBe('div');
    expect(attributes.class).toBe('user-paragraph');
    expect(attributes.dir).toBe('auto');
    expect(attributes['data-testid']).toBe('restore-summary');
    expect(text).toContain(`\u2068${LONG_NAME}\u2069`);
    expect(text).toContain(formatDateTime(SUMMARY.fileDate, language));
    expect(text).toContain(language === 'en' ? 'with 29 customers' : '其中有 29 位客户');
  });

  it.each(['en', 'zh-CN'] as const)('%s: says below it that a backup from before the join took the laptop out of its team', (language) => {
    const html = renderToStaticMarkup(createElement(RestoreSummary, { t: ts[language], summary: SUMMARY, leftTeam: true, language }));
    const said = /<div[^>]*data-testid="restore-left-team"[^>]*><strong>([^<]*)<\/strong><\/div>/.exec(html);
    expect(said, html).not.toBeNull();
    expect(said![1]).toBe(language === 'en'
      ? 'This backup was made before this laptop joined its team, so the laptop is no longer in the team and does not sync. To join again, go to Settings → Team sync and join the team.'
      : '这个备份是在本机加入团队之前做的，所以这台电脑现在已不在团队中，不再同步。要重新加入，请到“设置 → 团队同步”加入团队。');
    expect(html.indexOf('restore-summary')).toBeLessThan(html.indexOf('restore-left-team'));
    expect(renderToStaticMarkup(createElement(RestoreSummary, { t: ts[language], summary: SUMMARY, leftTeam: false, language }))).not.toContain('restore-left-team');
  });
});
