import { describe, expect, it } from 'vitest';
import { isHiddenLibraryWarning } from '../../../core/cli/library-warnings';

describe('the library warnings the CLI does not print', () => {
  it('drops the Buffer() deprecation, in both shapes of process.emitWarning', () => {
    expect(isHiddenLibraryWarning(['Buffer() is deprecated', 'DeprecationWarning', 'DEP0005'])).toBe(true);
    expect(isHiddenLibraryWarning(['Buffer() is deprecated', { type: 'DeprecationWarning', code: 'DEP0005' }])).toBe(true);
  });

  it("drops node-fetch's url.parse() deprecation", () => {
    expect(isHiddenLibraryWarning(['`url.parse()` behavior is not standardized', 'DeprecationWarning', 'DEP0169'])).toBe(true);
  });

  it('keeps every other warning, with or without a code', () => {
    expect(isHiddenLibraryWarning(['The punycode module is deprecated', 'DeprecationWarning', 'DEP0040'])).toBe(false);
    expect(isHiddenLibraryWarning(['something', { type: 'Warning', code: 'DEP0006' }])).toBe(false);
    expect(isHiddenLibraryWarning(['a plain warning'])).toBe(false);
    expect(isHiddenLibraryWarning([new Error('an error as warning'), 'Warning'])).toBe(false);
    expect(isHiddenLibraryWarning(['no code', { type: 'Warning' }])).toBe(false);
  });
});
