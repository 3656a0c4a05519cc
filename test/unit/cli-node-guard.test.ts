import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { NODE_GUARD } from '../../scripts/cli-build.mjs';

/** Runs the bundle's first lines (after the shebang) as Node `version` would, and reports what they did. */
function runGuard(version: string): { exitCode: number | undefined; errors: string[] } {
  const errors: string[] = [];
  let exitCode: number | undefined;
  const fakeProcess = { version, versions: { node: version.slice(1) }, exit: (code: number) => void (exitCode = code) };
  const body = (NODE_GUARD as string).split('\n').slice(1).join('\n');
  new Function('process', 'console', body)(fakeProcess, { error: vi.fn((m: string) => errors.push(m)) });
  return { exitCode, errors };
}

describe('the built CLI under an old Node', () => {
  it('stops with one clear line instead of crashing in the database driver', () => {
    expect(runGuard('v20.20.2')).toEqual({
      exitCode: 1,
      errors: ["error: TierBook needs Node 22 or newer, and this is v20.20.2. Run it with npm run cli -- …, which uses the project's own Node."],
    });
  });

  it('lets Node 22 and newer through', () => {
    expect(runGuard('v22.0.0')).toEqual({ exitCode: undefined, errors: [] });
    expect(runGuard('v24.21.0')).toEqual({ exitCode: undefined, errors: [] });
  });
});
