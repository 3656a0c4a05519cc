import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module of the build script, without type declarations
import { bundleDefaults } from '../../../scripts/cli-build.mjs';
import { ROOT } from '../../support/test-app';
import { normalizeQuery, searchKeys } from '../../../shared/domain/pinyin';

describe('pinyin search keys', () => {
  it('gives the name, its full pinyin and its initials', () => {
    expect(searchKeys('张三', { personName: true })).toEqual(['张三', 'zhangsan', 'zs']);
  });
  it('reads surnames as names are read (单 shan, 曾 zeng, 解 xie)', () => {
    expect(searchKeys('单田芳', { personName: true })).toContain('shantianfang');
    expect(searchKeys('曾志强', { personName: true })).toContain('zengzhiqiang');
    expect(searchKeys('解晓东', { personName: true })).toContain('xiexiaodong');
  });
  it('keeps Latin text and digits inside Chinese names as they are', () => {
    expect(searchKeys('ABC贸易 2号', {})).toEqual(['abc贸易 2号', 'abc贸易2号', 'abcmaoyi2hao', 'abcmy2h']);
  });
  it('gives only the lower-cased text (and its space-free form) for Latin names', () => {
    expect(searchKeys('Lukas Weber')).toEqual(['lukas weber', 'lukasweber']);
    expect(searchKeys('')).toEqual([]);
    expect(searchKeys(null)).toEqual([]);
  });
  it('normalises what the user typed the same way', () => {
    expect(normalizeQuery(' Zhang San ')).toBe('zhangsan');
    expect(normalizeQuery('ZS')).toBe('zs');
  });
});

describe('pinyin-pro loaded on first use (shared/domain/pinyin.ts)', () => {
  it('is not loaded by importing the module, and is once Chinese text is keyed (sources run as ES modules)', () => {
    // Every load of pinyin-pro, by import or by require, passes through this resolve hook.
    const script = [
      "import { registerHooks } from 'node:module';",
      'let loads = 0;',
      "registerHooks({ resolve(specifier, context, next) { if (specifier === 'pinyin-pro') loads += 1; return next(specifier, context); } });",
      `const { sortKey } = await import(${JSON.stringify(join(ROOT, 'shared', 'domain', 'pinyin.ts'))});`,
      'const before = loads;',
      'const key = sortKey("张三", { personName: true });',
      'sortKey("李四");',
      'console.log(JSON.stringify({ before, key, after: loads }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ before: 0, key: 'zhang san', after: 1 });
  });

  it('is bundled into the app and the CLI, and keys Chinese text there with no node_modules beside the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbook-pinyin-bundle-'));
    try {
      const outfile = join(dir, 'keys.cjs');
      buildSync({
        ...bundleDefaults,
        sourcemap: false,
        // A Traditional name too: the Traditional→Simplified table (opencc-js) must travel inside the bundle as well.
        stdin: { contents: "import { searchKeys } from './shared/domain/pinyin';\nconsole.log(JSON.stringify([searchKeys('张三', { personName: true }), searchKeys('張三豐', { personName: true })]));", resolveDir: ROOT, loader: 'ts' },
        outfile,
      });
      const out = execFileSync(process.execPath, [outfile], { cwd: dir, encoding: 'utf8' });
      expect(JSON.parse(out.trim())).toEqual([['张三', 'zhangsan', 'zs'], ['張三豐', '张三丰', 'zhangsanfeng', 'zsf']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
