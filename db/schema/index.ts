export * from './customers';
export * from './orders';
export * from './followups';
export * from './settings';
export * from './imports';
export * from './segmentation';
export * from './merges';
export * from './prediction';
