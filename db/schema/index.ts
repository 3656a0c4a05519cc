export * from './customers';
export * from './orders';
export * from './followups';
export * from './settings';
