import { useEffect, useMemo, useState } from 'react';
import { TIER_BASES, type TierBasis } from '../../../shared/segmentation';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
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

/** One read per change for the whole screen, as use-class-spellings.ts: the list, its filter and its drawer all label classes. */
const asked = new WeakMap<() => void, { version: number; answer: Promise<TierSettings> }>();

/**
 * The tier settings in effect that say what a class means: the analysis window ("No orders in the last 12 months")
 * and what the pyramid and value rank by (ranked by predicted value, the pyramid's 'none' is "Not ranked"). Reloaded
 * after every change, so a new setting relabels at once.
 */
export function useTierSettings(): TierSettings {
  const { version, refresh } = useWorkspace();
  const [settings, setSettings] = useState<TierSettings>({});
  useEffect(() => {
    let cancelled = false;
    let entry = asked.get(refresh);
    if (!entry || entry.version !== version) {
      entry = { version, answer: api('segments:config:get', {}).then(({ effective }) => tierSettingsOf(effective)) };
      asked.set(refresh, entry);
      // A failed read is asked again by the next screen rather than kept.
      entry.answer.catch(() => asked.delete(refresh));
    }
    entry.answer.then((s) => !cancelled && setSettings(s)).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [version, refresh]);
  return settings;
}

/** Everything classLabel needs besides the key, for a screen that labels classes: the settings and the spellings. */
export function useClassLabelEnv(): ClassLabelEnv {
  const { window, bases } = useTierSettings();
  const spellings = useClassSpellings();
  return useMemo(() => ({ window, bases, spellings }), [window, bases, spellings]);
}
