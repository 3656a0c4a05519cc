import { ZodError } from 'zod';
import { invalidInput, ISSUE_MESSAGES, type Issue } from '../../shared/contract';
import { buildConfig, CONFIG_SECTIONS as SECTIONS, type ConfigOverrides } from '../../shared/segmentation';

function toIssues(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: ['overrides', ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
    // A setting left out of a section given whole (window, partition, thresholds) is missing, not wrong.
    key: Object.hasOwn(ISSUE_MESSAGES, issue.message) ? issue.message : issue.code === 'invalid_type' && issue.input === undefined ? 'required' : 'invalid_value',
  }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What the engine's schema would pass over in silence: a key it does not know (a typo such as `platinumshare`,
 * which the schema drops, so the file "saves" and changes nothing), or a section or setting that is not an
 * object where one is expected (`"pyramid": null` or `"gold"`, merged as if absent).
 */
function strayIssues(given: unknown, kept: unknown, path: (string | number)[]): Issue[] {
  if (!isRecord(kept)) return [];
  if (!isRecord(given)) return [{ path, key: 'invalid_value' }];
  return Object.keys(given).flatMap((key) =>
    Object.hasOwn(kept, key) ? strayIssues(given[key], kept[key], [...path, key]) : [{ path: [...path, key], key: 'unknown_setting', params: { choices: Object.keys(kept).join(', ') } }],
  );
}

/**
 * Overrides merged over the defaults, validated by the engine's own schema; invalid_input otherwise. `newSettings`:
 * settings being saved, where a key the engine would drop is refused too (strayIssues); overrides read back from
 * the database are not held to that, so settings saved by an earlier version still open.
 */
export function effectiveConfig(overrides: Record<string, unknown>, asOf: string, options: { newSettings?: boolean } = {}): Record<string, unknown> {
  const unknown = Object.keys(overrides).filter((k) => !(SECTIONS as readonly string[]).includes(k));
  if (unknown.length > 0) throw invalidInput(unknown.map((k) => ({ path: ['overrides', k], key: 'unknown_setting', params: { choices: SECTIONS.join(', ') } })));
  let config: Record<string, unknown>;
  try {
    const { asOf: _asOf, customSegments: _custom, ...rest } = buildConfig({ ...(overrides as Partial<ConfigOverrides>), asOf });
    config = rest;
  } catch (error) {
    if (error instanceof ZodError) throw invalidInput(toIssues(error));
    throw error;
  }
  const stray = options.newSettings ? strayIssues(overrides, config, ['overrides']) : [];
  if (stray.length > 0) throw invalidInput(stray);
  return config;
}
