import type { ImportStatements } from '../../db/repos/imports';
import { localDateOf } from '../../shared/domain/dates';
import { isIdForm } from '../ids';
import { holderOrigin } from './order-holder';
import type { ImportReason } from './types';


type Refusal = { kind: 'error'; reason: ImportReason; field: string; params: Record<string, string> };

/**
 * A follow-ups row's record ID (the export's 系统ID) names one follow-up. The row whose follow-up is live here already
 * (this workspace's export imported back, or an earlier row of the file) is refused, naming it, as an order's record
 * ID is: without it, importing the follow-ups export into its own workspace doubled every follow-up. A new follow-up
 * takes its row's record ID as its id when that is free, so the same file imported into another workspace twice is
 * known there too.
 */
export class FollowUpRecords {
  /** Record IDs of this file's rows already written, and the follow-up each became. */
  private readonly written = new Map<string, string>();

  constructor(
    private readonly sql: ImportStatements,
    private readonly batchId: string,
  ) {}

  refusal(recordId: string | null): Refusal | null {
    if (recordId === null) return null;
    const holder = this.sql.followUpHolder(this.written.get(recordId) ?? recordId);
    if (!holder) return null;
    const origin = holderOrigin(holder, this.batchId);
    const params: Record<string, string> = { customer: holder.customerName, date: localDateOf(new Date(holder.occurredAt)) };
    return { kind: 'error', reason: 'followup_already_recorded', field: 'followUpRecordId', params: origin === 'import' ? params : { ...params, context: origin } };
  }

  /** The id of the follow-up a row writes: its record ID when free and of the app's form, else a new one. */
  idFor(recordId: string | null, fresh: () => string): string {
    const id = recordId !== null && isIdForm(recordId) && !this.sql.followUpIdTaken(recordId) ? recordId : fresh();
    if (recordId !== null) this.written.set(recordId, id);
    return id;
  }
}
