import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { MergeSummary } from '../../../shared/contract/merges';
import { MergeHistory } from '../../../renderer/features/merge/MergeHistory';
import { bothLanguages } from '../../support/both-languages';

const instances = bothLanguages();

const ARABIC = 'شركة الأمل للتجارة 2024-117';
const HEBREW = 'חברת שלום בע"מ (12345)';
const merge: MergeSummary = {
  id: 'm1', createdAt: '2026-12-06T10:00:00.000Z', status: 'merged', undoneAt: null,
  kept: { id: 'k', name: '王芳' },
  merged: [{ id: 'a', name: ARABIC }, { id: 'h', name: HEBREW }, { id: 'w', name: '王小明' }],
  moved: { orders: 1, followUps: 2, contacts: 3 },
};

/**
 * The recent merges list the customers merged away in one cell, one after another. Two named right to left side by
 * side ran together into one right-to-left run: the Hebrew name was drawn first, and the digits of each beside the other.
 */
describe('the list of recent merges', () => {
  it.each(['zh-CN', 'en'] as const)('keeps each merged name to itself, in the order they were merged (%s)', (language) => {
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: instances[language] }, createElement(MergeHistory, { merges: [merge], onUndo: () => undefined })));
    const row = /<tr[^>]*data-row-key="m1"[^>]*>(.*?)<\/tr>/.exec(html)![1]!;
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"'));
    const iso = (name: string) => `\u2068${name}\u2069`;
    expect(cells[2]).toBe([ARABIC, HEBREW, '王小明'].map(iso).join('、'));
    // The one kept is a link of its own direction.
    expect(row).toMatch(new RegExp(`<a href="#/customers/k" dir="auto"[^>]*>王芳</a>`));
  });
});
