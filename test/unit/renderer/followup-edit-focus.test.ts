import { Form } from 'antd';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { FollowUpFields } from '../../../renderer/features/followups/FollowUpFields';
import { focusFirstFollowUpField } from '../../../renderer/features/followups/followup-form';
import { bothLanguages } from '../../support/both-languages';

/**
 * Editing a follow-up (the customer file's timeline → Edit) opened with nothing focused, where the quick follow-up
 * starts in its first field: its dialog stays rendered, so the field's autoFocus fired once, at mount, while hidden.
 * Each opening now focuses the form's first field.
 */
const instances = bothLanguages();

describe('the follow-up edit dialog’s focus', () => {
  it('puts the cursor in the content, and nothing else', () => {
    const asked: string[] = [];
    let focused = 0;
    focusFirstFollowUpField({ getFieldInstance: (name) => (asked.push(name), { focus: () => void focused++ }) });
    expect([asked, focused]).toEqual([['content'], 1]);
    // A field not drawn yet (no instance) is passed over, not thrown at.
    expect(() => focusFirstFollowUpField({ getFieldInstance: () => undefined })).not.toThrow();
  });

  it.each(['zh-CN', 'en'] as const)('the content is the follow-up form’s first field (%s)', (language) => {
    const html = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n: instances[language] }, createElement(Form, { name: 'followUpEdit' }, createElement(FollowUpFields, { today: '2026-11-23' }))),
    );
    const firstField = /<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"/.exec(html);
    expect(firstField?.[1]).toBe('followUpEdit_content');
  });
});
