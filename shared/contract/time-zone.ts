import { z } from 'zod';
import { SEVERAL_ZONES_REASONS } from '../domain/customer-time-zone-types';
import { enumOf } from './common';

/**
 * A customer's time zone as the main process found it (shared/domain/customer-time-zone.ts): a zone and the
 * country's weekend, or why there are several; null when the file names no country.
 */
export const customerTimeZoneSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('known'), zone: z.string().max(64), weekend: z.array(z.number().int().min(1).max(7)).max(7) }),
    z.object({ status: z.literal('several'), reason: enumOf(SEVERAL_ZONES_REASONS) }),
  ])
  .nullable();
