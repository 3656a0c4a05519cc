import { describe, expect, it } from 'vitest';
import { refusalLine } from '../../../core/cli/refusal-text';
import { inFlagTerms } from '../../../core/cli/flag-errors';
import { AppError, notFound, RECORD_KINDS, type RecordKind } from '../../../shared/contract';
import { ApiError } from '../../../renderer/api/client';
import { errorText } from '../../../renderer/components/errors';
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
  it('stay the error code’s sentence in both languages, the toast one line', () => {
    for (const kind of RECORD_KINDS) {
      const error = new ApiError(notFound(kind, 'a1b2').toBody());
      expect(errorText(error, t['zh-CN']), kind).toBe('记录不存在或已删除');
      expect(errorText(error, t.en), kind).toBe('This record does not exist or was deleted');
      expect(errorContent(error, t['zh-CN']), kind).toBe('记录不存在或已删除');
    }
  });
});
