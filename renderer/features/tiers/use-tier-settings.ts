import { useMemo } from 'react';
import { TIER_BASES, type TierBasis } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { sharedWorkspaceRead } from '../../app/shared-read';
import type { ClassLabelEnv, TierBases, TierWindow } from './labels';
import { useClassSpellings } from './use-class-spellings';

/** The tier settings a class's meaning depends on; each undefined until read. */
export type TierSettings = Pick<ClassLabelEnv, 'window' | 'bases'>;

const isBasis = (v: unknown): v is TierBasis => (TIER_BASES as readonly unknown[]).includes(v);

function windowOf(effective: Record<string, unknown>): TierWindow | undefined {
  const w = effective.window as TierWindow | undefined;
  return w && (w.kind === 'all' || (w.kind === 'days' && typeof w.days === 'number')) ? w : undefined;
}

function basesOf(effective: Record<string, unknown>): TierBases | undefined {
  const pyramid = (effective.pyramid as { basis?: unknown } | undefined)?.basis;
  const value = (effective.value as { basis?: unknown } | undefined)?.basis;
  return isBasis(pyramid) && isBasis(value) ? { pyramid, value } : undefined;
}

/** What segments:config:get's effective settings say a class means (the window and the bases); a part it lacks stays undefined. */
export function tierSettingsOf(effective: Record<string, unknown>): TierSettings {
  return { window: windowOf(effective), bases: basesOf(effective) };
}

/** Nothing read yet: the window unknown, every basis the default (revenue). */
const NOTHING_READ: TierSettings = {};

const useTierSettingsRead = sharedWorkspaceRead(() => api('segments:config:get', {}).then(({ effective }) => tierSettingsOf(effective)));

/**
 * The tier settings in effect that say what a class means: the analysis window ("No orders in the last 12 months")
 * and what the pyramid and value rank by (ranked by predicted value, the pyramid's 'none' is "Not ranked"). One read
 * per change for the whole screen (the list, its filter and its drawer all label classes), so a new setting
 * relabels at once.
 */
export function useTierSettings(): TierSettings {
  return useTierSettingsRead() ?? NOTHING_READ;
}

/** Everything classLabel needs besides the key, for a screen that labels classes: the settings and the spellings. */
export function useClassLabelEnv(): ClassLabelEnv {
  const { window, bases } = useTierSettings();
  const spellings = useClassSpellings();
  return useMemo(() => ({ window, bases, spellings }), [window, bases, spellings]);
}
