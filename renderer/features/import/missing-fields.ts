import { listMissingFields, type MissingFields } from '../../../shared/import/fields';

/** The fields no column is mapped to, as the warning lists them ("日期、金额、客户编号 / 客户名称"). */
export function missingFieldsText(missing: MissingFields, fieldName: (field: string) => string, language: string): string {
  return listMissingFields(missing, fieldName, { between: language.startsWith('zh') ? '、' : ', ', or: ' / ' });
}
