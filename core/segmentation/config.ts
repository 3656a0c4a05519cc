import { ZodError } from 'zod';
import { invalidInput, ISSUE_MESSAGES, type Issue } from '../../shared/contract';
import { buildConfig, type ConfigOverrides } from '../../shared/segmentation';

/** Sections a user may override; asOf is per call and custom segments have their own table. */
const SECTIONS = ['window', 'value', 'pyramid', 'lifecycle', 'behavior', 'loyalty', 'partition'] as const;

function toIssues(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: ['overrides', ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
    key: Object.hasOwn(ISSUE_MESSAGES, issue.message) ? issue.message : 'invalid_value',
  }));
}

/** Overrides merged over the defaults, validated by the engine's own schema; invalid_input otherwise. */
export function effectiveConfig(overrides: Record<string, unknown>, asOf: string): Record<string, unknown> {
  const unknown = Object.keys(overrides).filter((k) => !(SECTIONS as readonly string[]).includes(k));
  if (unknown.length > 0) throw invalidInput(unknown.map((k) => ({ path: ['overrides', k], key: 'invalid_value' })));
  try {
    const { asOf: _asOf, customSegments: _custom, ...config } = buildConfig({ ...(overrides as Partial<ConfigOverrides>), asOf });
    return config;
  } catch (error) {
    if (error instanceof ZodError) throw invalidInput(toIssues(error));
    throw error;
  }
}
