import { describe, expect, it } from 'vitest';
import { missingFieldsText } from '../../../renderer/features/import/missing-fields';

const names: Record<string, string> = { date: '日期', amount: '金额', customerCode: '客户编号', customerName: '客户名称', name: 'Name', company: 'Company' };
const fieldName = (field: string) => names[field] ?? field;

describe("the import's missing-columns warning", () => {
  it('lists the required fields one by one and the alternatives as one item', () => {
    expect(missingFieldsText({ all: ['date', 'amount'], anyOf: ['customerCode', 'customerName'] }, fieldName, 'zh-CN')).toBe('日期、金额、客户编号 / 客户名称');
    expect(missingFieldsText({ all: [], anyOf: ['name', 'company'] }, fieldName, 'en')).toBe('Name / Company');
    expect(missingFieldsText({ all: ['date', 'amount'], anyOf: [] }, fieldName, 'en')).toBe('日期, 金额');
  });
});
