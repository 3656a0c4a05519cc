import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RejectsFile } from '../../../core/importing/rejects';
import { tempDir } from '../../support/test-app';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = { row: 3, line: 3, cells: ['王五', '2026-13-45'] };
const errors = [{ row: 3, line: 3, column: 1, header: 'Date', field: 'date', value: '2026-13-45', reason: 'invalid_date' as const, message: 'Row 3, column "Date": not a date.' }];

describe('RejectsFile', () => {
  it('moves the finished rows into place and leaves no partial file', () => {
    const file = new RejectsFile(join(dir, 'rejects.csv'), ['Customer', 'Date'], () => {});
    file.add(row, errors);
    expect(file.commit()).toBe(join(dir, 'rejects.csv'));
    file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a target that cannot take the file: the move fails once, the partial file is removed, and discarding afterwards closes nothing twice', () => {
    mkdirSync(join(dir, 'taken'));
    mkdirSync(join(dir, 'taken', 'inside'));
    const file = new RejectsFile(join(dir, 'taken'), ['Customer', 'Date'], () => {});
    file.add(row, errors);
    expect(() => file.commit()).toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    expect(() => file.discard()).not.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('a refusal by the target check at the move keeps the target as it was and removes the partial file', () => {
    const file = new RejectsFile(join(dir, 'rejects.csv'), ['Customer', 'Date'], () => {
      throw new Error('refused');
    });
    file.add(row, errors);
    expect(() => file.commit()).toThrow('refused');
    file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('discarded without a commit: the partial file goes, nothing is moved into place', () => {
    const file = new RejectsFile(join(dir, 'rejects.csv'), ['Customer', 'Date'], () => {});
    file.add(row, errors);
    file.discard();
    file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});
