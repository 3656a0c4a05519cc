import { loadActivities } from '../../db/repos/customer-activity';
import { loadSegmentCustomers } from '../../db/repos/segmentation';
import { engineConfigFor } from '../../core/segmentation/state';
import { segmentActivity } from '../../shared/segmentation';
import type { TestApp } from './test-app';

/**
 * The engine run from scratch over the rows as they are in the file on `asOf`, with none of the tiers the app holds
 * in memory: what the held, patched or followed tiers must equal.
 */
export function tiersFromScratch(app: TestApp, asOf: string) {
  const people = loadSegmentCustomers(app.db);
  const activities = loadActivities(app.db, new Map(people.map((c, i) => [c.id, i])));
  return segmentActivity(people, activities, engineConfigFor(app.db, asOf)).result;
}
