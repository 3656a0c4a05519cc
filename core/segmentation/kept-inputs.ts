import type { Db } from '../../db/open';
import { keptInputsHeader, partCounts, partsOf, publishKeptInputs, readPart, writePart, type KeptInputsHeader } from '../../db/repos/tier-inputs';
import { STRETCH_BUDGET_MS, type Steps } from '../../shared/domain/steps';
import { derivedWrite } from '../change-stamp';
import { newId } from '../ids';
import { BackgroundQueue } from '../background-queue';
import { nextTurn } from '../next-turn';
import { currentTimeZone } from '../reports/totals';
import { decodeInputsInSteps, encodeInputsInSteps, INPUTS_FORMAT, isJsonSection, parseJsonSectionInSteps, SECTION_NAMES, sectionBuffer, type InputsLayout, type ReadSections } from './kept-inputs-codec';
import { FOLLOW_LIMIT, followPopulationInSteps, type Loaded } from './loaded';
import { activityRowsChangedSince } from '../../db/repos/customer-activity';

/**
 * The tiers' inputs kept in the database between processes (db/schema/tier-inputs.ts). A recompute in a
 * process that holds nothing yet — the app on a new day, each CLI command — used to read and parse every
 * customer and every activity row: about a second at 100k customers, before any tier is computed. The copy
 * is taken back as bytes instead and brought up to date like the copy a running app holds in memory: the
 * customer_activity rows whose rev moved since it was written are read again (loaded.ts), customers who
 * joined or left included. It is written again, in the background, after a recompute had to read
 * everything (no copy, too much changed since it, another format or time zone).
 */

/** True when `header` is a copy this build can read in this time zone. */
const readable = (header: KeptInputsHeader): boolean => header.format === INPUTS_FORMAT && header.zone === currentTimeZone();

function layoutOf(header: KeptInputsHeader): InputsLayout | undefined {
  try {
    const layout = JSON.parse(header.layout) as InputsLayout;
    return Number.isSafeInteger(layout.size) && SECTION_NAMES.every((name) => Number.isSafeInteger(layout.lengths?.[name])) ? layout : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The kept copy taken back and brought up to date, a few parts per step; null when there is none this
 * build can read here, it was replaced while being read, or too much changed since it to follow.
 */
export function* keptLoadedInSteps(db: Db, budgetMs = STRETCH_BUDGET_MS): Steps<Loaded | null> {
  const header = keptInputsHeader(db);
  if (!header || !readable(header)) return null;
  const layout = layoutOf(header);
  if (!layout) return null;
  // Too much changed since it was kept to follow (an import, a sync): not worth reading.
  if (activityRowsChangedSince(db, header.rev, FOLLOW_LIMIT + 1) > FOLLOW_LIMIT) return null;
  // Every section's parts all there for the length its layout gives, before any buffer is sized by it.
  const counts = partCounts(db, header.generation);
  if (SECTION_NAMES.some((name) => counts.get(name) !== partsOf(layout.lengths[name]))) return null;
  const read: ReadSections = { typed: {} as ReadSections['typed'], json: {} as ReadSections['json'] };
  let deadline = performance.now() + budgetMs;
  for (const name of SECTION_NAMES) {
    const buffer = sectionBuffer(name, layout.lengths[name]);
    if (!buffer) return null;
    for (let part = 0; part < partsOf(buffer.byteLength); part++) {
      if (performance.now() > deadline) {
        yield;
        deadline = performance.now() + budgetMs;
      }
      // A part missing: another process published a newer copy and dropped this one meanwhile.
      if (!readPart(db, header.generation, name, part, buffer)) return null;
    }
    if (!isJsonSection(name)) read.typed[name] = buffer;
    else {
      yield;
      try {
        read.json[name] = yield* parseJsonSectionInSteps(buffer, budgetMs);
      } catch {
        return null;
      }
      deadline = performance.now() + budgetMs;
    }
  }
  yield;
  const kept = yield* decodeInputsInSteps(layout, read, header.rev);
  if (!kept) return null;
  yield;
  return yield* followPopulationInSteps(db, kept);
}

/**
 * Writes `loaded` as the kept copy, a few parts per step (each its own transaction), then names it the copy
 * in one last transaction, which drops every other copy's parts. The last writer wins: two processes keeping
 * at once leave one whole copy, either of which is right to follow from. Derived writes: the tiers held in
 * memory stay current. Returns whether it was published (not when the database was closed meanwhile).
 */
export function* keepInputsInSteps(db: Db, loaded: Loaded, now: () => string, budgetMs = STRETCH_BUDGET_MS): Steps<boolean> {
  const encoded = yield* encodeInputsInSteps(loaded);
  yield;
  const generation = newId();
  let deadline = performance.now() + budgetMs;
  for (const name of SECTION_NAMES) {
    const bytes = encoded.sections[name];
    for (let part = 0; part < partsOf(bytes.byteLength); part++) {
      if (performance.now() > deadline) {
        yield;
        deadline = performance.now() + budgetMs;
      }
      if (!db.$client.open) return false;
      derivedWrite(db, () => writePart(db, generation, name, part, bytes));
    }
  }
  yield;
  if (!db.$client.open) return false;
  const header: KeptInputsHeader = { generation, format: INPUTS_FORMAT, rev: loaded.rev, zone: currentTimeZone(), layout: JSON.stringify(encoded.layout) };
  derivedWrite(db, () => db.transaction(() => publishKeptInputs(db, header, now())));
  return true;
}

/** Keeping queued or running, per database (one at a time). */
const keeping = new BackgroundQueue();

/** The latest keeping asked for, per database: an earlier one still queued or running stops at its next step. */
const latestAsked = new WeakMap<Db, number>();

/**
 * Stops any keeping queued or running for `db` at its next step: the rows are being read in full again (an
 * import, a sync), so what it would keep is already out of date, and it would only compete with the read.
 */
export function supersedeKeeping(db: Db): number {
  const asked = (latestAsked.get(db) ?? 0) + 1;
  latestAsked.set(db, asked);
  return asked;
}

/**
 * Writes `loaded` as the kept copy after the current call has answered, a step per turn, after any keeping
 * already queued (which this one supersedes). A database closed meanwhile ends it quietly; a failure costs
 * only the copy (the next full read writes it again).
 */
export function keepInputsSoon(db: Db, loaded: Loaded, now: () => string): void {
  const asked = supersedeKeeping(db);
  const stillWanted = () => db.$client.open && latestAsked.get(db) === asked;
  keeping.after(db, async () => {
    const steps = keepInputsInSteps(db, loaded, now);
    // Parts written by a keeping stopped here are dropped by the next copy published.
    while (stillWanted() && !steps.next().done) await nextTurn();
  });
}

/** Resolves once no keeping is queued or running for this database (the CLI waits for it before it exits). */
export function inputsKept(db: Db): Promise<void> {
  return keeping.settled(db);
}
