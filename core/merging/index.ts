export { findDuplicateGroups } from './find-duplicates';
export { mergeCustomers } from './merge';
export { unmergeCustomers } from './unmerge';
