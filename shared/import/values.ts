/** The value parsers of the importer, in one place for callers; each lives in its own file. */
export { cellText, fail, ok, VALUE_REASONS, type ReasonParams, type ValueReason, type ValueResult } from './result';
export { excelSerialToDate, inferDateOrder, parseDate, parseDateTime, parseTimeOfDay, type DateOptions, type DateOrder, type ParsedDateTime } from './parse-date';
export { inferDecimalSeparator, parseMoney, plainDecimal, type AmountOptions, type DecimalSeparator, type ParsedMoney } from './parse-amount';
export { genericAllows, isDollarCurrency, matchCurrency, parseCurrency, type CurrencyDefaults, type CurrencyMatch } from './currency';
export { parseEmails, parsePhone, parsePhones, parseText, splitList } from './parse-contact';
export { parseCountry } from './parse-country';
export {
  CHANNEL_WORDS,
  CUSTOMER_TYPE_WORDS,
  INTENT_WORDS,
  LOCALITY_WORDS,
  MANUAL_LEVEL_WORDS,
  NEEDS_WORDS,
  parseChoice,
  parseSatisfaction,
  SATISFACTION_WORDS,
  SOURCE_WORDS,
} from './parse-choice';
export { TRADITIONAL_VALUE_FORMS } from './values-traditional';
export type { Vocabulary } from './vocabulary';
