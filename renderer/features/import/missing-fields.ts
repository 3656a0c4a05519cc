/**
 * The fields no column is mapped to, as the warning lists them: each of `all`, then the `anyOf` alternatives as one
 * item ("日期、金额、客户编号 / 客户名称"), so that the alternatives do not read as all required, nor the required as alternatives.
 */
export function missingFieldsText(missing: { all: readonly string[]; anyOf: readonly string[] }, fieldName: (field: string) => string, language: string): string {
  const items = [...missing.all.map(fieldName), ...(missing.anyOf.length > 0 ? [missing.anyOf.map(fieldName).join(' / ')] : [])];
  return items.join(language.startsWith('zh') ? '、' : ', ');
}
