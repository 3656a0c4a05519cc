/**
 * What a class means for the shop, as one of four tones: the single mapping every screen colours class
 * tags by (tiers, customer list, customer file, explanations), so "at risk" is never green in one place
 * and orange in another. good: customers to keep as they are; warning: slipping, act soon; bad: lost or
 * nearly lost; neutral: a fact without a verdict (profile classes, no orders, not yet ranked).
 */
import { rfSegmentOf } from './rfm';

export const CLASS_TONES = ['good', 'warning', 'bad', 'neutral'] as const;
export type ClassTone = (typeof CLASS_TONES)[number];

const TONES: Record<string, Record<string, ClassTone>> = {
  rf_segment: {
    champions: 'good', loyal: 'good', potential_loyalist: 'good', new: 'good', promising: 'good',
    need_attention: 'warning', about_to_sleep: 'warning', at_risk: 'warning',
    cant_lose: 'bad', hibernating: 'bad',
  },
  value: { high: 'good', medium: 'neutral', low: 'neutral' },
  pyramid: { platinum: 'good', gold: 'good', iron: 'neutral', lead: 'neutral' },
  lifecycle: { potential: 'neutral', new: 'good', active: 'good', at_risk: 'warning', churned: 'bad' },
  loyalty: { loyal: 'good', potential: 'neutral', marginal: 'warning', churned: 'bad' },
  behavior: { high_frequency: 'good', low_frequency: 'neutral', potential: 'neutral' },
  intent: { interested: 'good', hesitant: 'warning', not_now: 'warning', never: 'bad' },
};

const RFM_CODE = /^[1-5]{3}$/;

export function classTone(scheme: string, classKey: string): ClassTone {
  // An RFM cell takes the tone of the R×F segment it falls in, so 545 reads like Champions.
  if (scheme === 'rfm') return RFM_CODE.test(classKey) ? classTone('rf_segment', rfSegmentOf(Number(classKey[0]), Number(classKey[1]))) : 'neutral';
  if (scheme.startsWith('custom:')) return classKey === 'member' ? 'good' : 'neutral';
  return TONES[scheme]?.[classKey] ?? 'neutral';
}
