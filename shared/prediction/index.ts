/** Public surface of the prediction model. Pure: no I/O, no clock, no Node built-ins; times are inputs. */
export * from './bgnbd';
export * from './bgnbd-predict';
export * from './gamma-gamma';
export * from './clv';
export * from './predict-customers';
export { logGamma } from './log-gamma';
export { minimize } from './nelder-mead';
export { digamma } from './log-gamma';
