/** The FX screens' rate text: the same as the command line's (shared/domain/money.ts formatRate). */
export { formatRate } from '../../../shared/domain/money';
