import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/api/client';
import { errorContent, namedMessage } from '../../../renderer/components/named-message';
import { resources } from '../../../renderer/i18n/resources';

/**
 * Messages naming a customer stay one line: the name in its own shrinking part (cut with an ellipsis by the
 * stylesheet), the words around it whole, the full sentence as the title. A 120-character name made a toast
 * spread over the screen in three lines.
 */
const name = '长名字客户'.repeat(24);

async function translator(language: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    defaultNS: 'merge',
    resources: { [language]: { merge: resources.merge[language], customers: resources.customers[language], errors: resources.errors[language] } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const parts = (html: string) => {
  // The name keeps its own direction (an Arabic name beside the app's words); the words around it are the app's.
  for (const span of html.matchAll(/<span class="named-message-name"([^>]*)>/g)) expect(span[1]).toBe(' dir="auto"');
  return [...html.matchAll(/<span class="(named-message-[a-z]+)"[^>]*>([^<]*)<\/span>/g)].map((m) => [m[1], m[2]]);
};

describe('a message naming a customer', () => {
  it.each([
    ['en', 'Merged into “', '”. Moved: orders 3, follow-ups 2, contacts 1'],
    ['zh-CN', '已合并到「', '」：转移 3 笔订单、2 条跟进、1 个联系方式'],
  ] as const)('keeps the words whole around the name in %s, and the whole sentence in the title', async (language, before, after) => {
    const t = await translator(language);
    const html = renderToStaticMarkup(namedMessage(t, 'merged', { name, orders: 3, followUps: 2, contacts: 1 }, 'merge-done') as never);
    expect(html).toContain(`title="${before}${name}${after}"`);
    expect(html).toContain('class="named-message"');
    expect(html).toContain('data-testid="merge-done"');
    expect(parts(html)).toEqual([['named-message-text', before], ['named-message-name', name], ['named-message-text', after]]);
  });

  it('a sentence starting with the name, and one ending with it', async () => {
    const t = await translator('en');
    expect(parts(renderToStaticMarkup(namedMessage(t, 'customers:created', { name }) as never))).toEqual([['named-message-text', 'Added '], ['named-message-name', name]]);
  });

  it('a refusal naming a customer is cut the same way; one without a name stays plain text', async () => {
    const t = await translator('zh-CN');
    const merged = new ApiError({ code: 'invalid_input', message: 'x', issues: [{ path: ['mergeIds', 0], key: 'merge_customer_merged_away', params: { name } }] });
    expect(parts(renderToStaticMarkup(errorContent(merged, t) as never))).toEqual([['named-message-text', '该客户已合并到「'], ['named-message-name', name], ['named-message-text', '」；如要分开，请撤销那次合并']]);
    expect(errorContent(new ApiError({ code: 'not_found', message: 'No customer' }), t)).toBe('记录不存在或已删除');
  });
});
