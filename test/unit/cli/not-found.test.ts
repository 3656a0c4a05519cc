import { describe, expect, it } from 'vitest';
import { refusalLine } from '../../../core/cli/refusal-text';
import { inFlagTerms } from '../../../core/cli/flag-errors';
import { AppError, notFound, RECORD_KINDS, type RecordKind } from '../../../shared/contract';
import { ApiError } from '../../../renderer/api/client';
import type { FormInstance } from 'antd';
import { errorText, showFieldErrors } from '../../../renderer/components/errors';
import { errorContent } from '../../../renderer/components/named-message';
import { bothTranslators } from '../../support/both-languages';

/**
 * A record named by an id that is not there (the contract's notFound) carries its kind and id as the issue's
 * params: the command line words its refusal from them in the user's language, never by reading the English
 * message back, and the screens keep saying it in their own words.
 */
const WORDS: Record<RecordKind, { 'zh-CN': string; en: string }> = {
  customer: { 'zh-CN': '客户', en: 'customer' },
  'live customer': { 'zh-CN': '客户', en: 'live customer' },
  order: { 'zh-CN': '订单', en: 'order' },
  'follow-up': { 'zh-CN': '跟进记录', en: 'follow-up' },
  merge: { 'zh-CN': '合并记录', en: 'merge' },
  'import batch': { 'zh-CN': '导入批次', en: 'import batch' },
  'custom segment': { 'zh-CN': '自定义分组', en: 'custom segment' },
  scheme: { 'zh-CN': '分级方式', en: 'scheme' },
  'FX rate': { 'zh-CN': '汇率', en: 'FX rate' },
};

/** The error as it comes back over a transport (IPC, the bridge, the import worker): its body, made an error again. */
const carried = (error: AppError) => {
  const body = JSON.parse(JSON.stringify(error.toBody())) as ReturnType<AppError['toBody']>;
  return new AppError(body.code, body.message, body.issues);
};

describe('a record that is not there', () => {
  it('carries its kind and id as params, its English message as before', () => {
    const error = notFound('import batch', 'b-7');
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No import batch with id b-7');
    expect(error.issues).toEqual([{ path: [], key: 'record_not_found', params: { kind: 'import batch', id: 'b-7' } }]);
    expect(carried(error).issues).toEqual(error.issues);
  });

  it('is worded for every kind a caller may name, in both languages, from its params', () => {
    expect(Object.keys(WORDS).sort()).toEqual([...RECORD_KINDS].sort());
    for (const kind of RECORD_KINDS) {
      const error = carried(notFound(kind, 'a1b2'));
      expect(refusalLine(error, 'zh-CN'), kind).toBe(`错误：找不到 ID 为 a1b2 的${WORDS[kind]['zh-CN']}\n`);
      expect(refusalLine(error, 'en'), kind).toBe(`error: No ${WORDS[kind].en} with id a1b2\n`);
    }
  });

  it('names the id as typed even where it reads like the English sentence', () => {
    // Read back from "No customer with id x with id y", the kind came out as "customer with id x": no record's words.
    const error = notFound('customer', 'x with id y');
    expect(refusalLine(error, 'zh-CN')).toBe('错误：找不到 ID 为 x with id y 的客户\n');
    expect(refusalLine(error, 'en')).toBe('error: No customer with id x with id y\n');
    expect(refusalLine(notFound('order', '订单 12'), 'zh-CN')).toBe('错误：找不到 ID 为 订单 12 的订单\n');
  });

  it('is worded the same after the command line has put the refusal in its flags’ terms', () => {
    const command = { flags: { customer: { type: 'string' } } };
    const error = inFlagTerms(notFound('customer', 'nobody'), command, { customer: 'nobody' }, { channel: 'orders:create', input: { customerId: 'nobody' } });
    expect(refusalLine(error, 'zh-CN')).toBe('错误：找不到 ID 为 nobody 的客户\n');
    expect(refusalLine(error, 'en')).toBe('error: No customer with id nobody\n');
  });
});

describe('the screens’ words for a record that is not there', () => {
  const t = bothTranslators();
  /** What a screen says, by kind: the record named as the screens name it, never its id (which means nothing there). */
  const SCREEN_WORDS: Record<RecordKind, { 'zh-CN': string; en: string }> = {
    customer: { 'zh-CN': '找不到这位客户（可能已删除）', en: 'This customer is no longer there (it may have been deleted)' },
    'live customer': { 'zh-CN': '找不到这位客户（可能已删除）', en: 'This customer is no longer there (it may have been deleted)' },
    order: { 'zh-CN': '找不到这笔订单（可能已删除）', en: 'This order is no longer there (it may have been deleted)' },
    'follow-up': { 'zh-CN': '找不到这条跟进记录（可能已删除）', en: 'This follow-up is no longer there (it may have been deleted)' },
    merge: { 'zh-CN': '找不到这次合并的记录', en: 'There is no record of this merge' },
    'import batch': { 'zh-CN': '找不到这个导入批次的记录', en: 'There is no record of this import batch' },
    'custom segment': { 'zh-CN': '找不到这个自定义分组（可能已删除）', en: 'This custom segment is no longer there (it may have been deleted)' },
    scheme: { 'zh-CN': '找不到这种分级方式（它的自定义分组可能已删除）', en: 'This tiering is no longer there (its custom segment may have been deleted)' },
    'FX rate': { 'zh-CN': '找不到这条汇率（可能已删除）', en: 'This exchange rate is no longer there (it may have been deleted)' },
  };

  it('name the kind of record in both languages, for every kind, the toast one line', () => {
    expect(Object.keys(SCREEN_WORDS).sort()).toEqual([...RECORD_KINDS].sort());
    for (const kind of RECORD_KINDS) {
      const error = new ApiError(carried(notFound(kind, 'a1b2')).toBody());
      expect(errorText(error, t['zh-CN']), kind).toBe(SCREEN_WORDS[kind]['zh-CN']);
      expect(errorText(error, t.en), kind).toBe(SCREEN_WORDS[kind].en);
      expect(errorContent(error, t['zh-CN']), kind).toBe(SCREEN_WORDS[kind]['zh-CN']);
    }
  });

  it('say the kind too where a form shows the refusals it cannot put on a field', () => {
    const form = { getFieldInstance: () => undefined, setFields: () => {} } as unknown as FormInstance;
    const error = new ApiError(notFound('order', 'o9').toBody());
    expect(showFieldErrors(form, error, t['zh-CN'])).toEqual(['找不到这笔订单（可能已删除）']);
    expect(showFieldErrors(form, error, t.en)).toEqual(['This order is no longer there (it may have been deleted)']);
  });

  it('stay the error code’s sentence for a kind the screens do not know, and for a not-found without one', () => {
    const strange = new ApiError({ code: 'not_found', message: 'No widget with id w1', issues: [{ path: [], key: 'record_not_found', params: { kind: 'widget', id: 'w1' } }] });
    expect(errorText(strange, t['zh-CN'])).toBe('记录不存在或已删除');
    expect(errorText(strange, t.en)).toBe('This record does not exist or was deleted');
    expect(errorText(new ApiError({ code: 'not_found', message: 'No customer' }), t['zh-CN'])).toBe('记录不存在或已删除');
  });
});
