import { afterAll, beforeAll, describe, it } from 'vitest';
import { tempFiles } from '../support/temp-files';
import { todayFromFreshDemo } from './journeys-today';
import { farDayNoticeOnToday } from './journeys-days-after-today';
import { exportAndBackUp, firstRunToDueAndBadAmount, importGbkCsvThenUndo, keyboardFollowUpDueChoresAndUndo, newCustomerValidationAndDuplicate, pyramidGoldCustomerMovesUp } from './journeys';
import { bulkTagAndUndo, unsavedEditPrompt } from './journeys-comfort';
import { listScrollsThroughEveryPage } from './journeys-scroll';
import { remindersSettingsAndTimedFollowUp } from './journeys-reminders';
import { classFilterOnCustomerList, customSegmentOnLocalityThenEdited } from './journeys-tiers';
import { partitionInSettingsShowsGroups } from './journeys-tier-settings';
import { dataArrivesComplete } from './journeys-data';
import { readmeScreenshots } from './journeys-screenshots';
import { predictionScoreSortAndHoldout } from './journeys-prediction';
import { predictionRefusedOnOneDayBook } from './journeys-prediction-refused';
import { clvSettingsSavedAndStated } from './journeys-clv';
import { orderLinesImportToUsuallyBuys } from './journeys-lines';
import { orderLinesReturnAndBalance } from './journeys-orders';
import { evaluationDashboardAndMigration } from './journeys-evaluation';
import { keyboardOnlyJourney } from './journeys-keyboard';
import { typedWorkAsksBeforeClosing } from './journeys-discard';
import { customerFileIdsUnique } from './journeys-page-ids';
import { everyScreenPassesAxe } from './journeys-axe';
import { policyNotesReadInFull } from './journeys-policy-notes';
import { headersRowsAndRestoreByKeyboard } from './journeys-keyboard-reach';
import { deleteOrderAndCustomerByKeyboard } from './journeys-delete-by-keyboard';
import { everyFormAsksBeforeDropping } from './journeys-discard-forms';
import { overdueGroupByKeyboard } from './journeys-today-group';
import { reopenedTodayAsksOnce } from './journeys-today-reopen';
import { evaluationCardNamesTheScheme } from './journeys-evaluation-title';
import { hostileTextStaysInItsBox } from './journeys-hostile-text';
import { hostilePanelsAndDialogs } from './journeys-hostile-panels';
import { hostileImportAndDuplicates } from './journeys-hostile-screens';
import { hostileMergeAndOrderLines } from './journeys-hostile-merge';
import { hostileFormsKeepDirectionAndSave } from './journeys-hostile-forms';
import { hostileSettingsTodayAndPolicies } from './journeys-hostile-settings';
import { launchChromium, screenshotter, type ChromiumSession } from './launch-chromium';
import { twoLaptopsShareACustomerBook } from './journeys-team';
import { launchTeam, type TeamSession } from './launch-team';

describe('TierBook in Chromium through the loopback bridge', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('first run → demo → Today → pinyin search → file → follow-up → English → bad amount refused', async () => {
    await firstRunToDueAndBadAmount({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('Today from the fresh demo: reasons on every row, log a follow-up, the row leaves, the badge counts down', async () => {
    await todayFromFreshDemo({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('a far day stored by a clock that ran ahead: Today names it, and removes it when asked', async () => {
    await farDayNoticeOnToday({ page: session.page, screenshot: screenshotter(session.page, '') }, (day) =>
      session.app.db.$client.prepare(`INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES (?, ?, 0)`).run(day, new Date().toISOString()),
    );
  });

  it('a new customer: field-level errors, then a likely duplicate linked', async () => {
    await newCustomerValidationAndDuplicate({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('keyboard follow-up from the list; overdue chores on Today (done, reschedule, log); delete and undo', async () => {
    await keyboardFollowUpDueChoresAndUndo({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('import a GBK CSV with Chinese headers: fix a mapping, preview one bad row, import the rest, rejects, undo', async () => {
    await importGbkCsvThenUndo({ page: session.page, screenshot: screenshotter(session.page, '') }, tempFiles());
  });

  it('pyramid → a gold customer → explanation → a large order → moves up, with history', async () => {
    await pyramidGoldCustomerMovesUp({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('a custom segment on locality = local with the right count, then edited', async () => {
    await customSegmentOnLocalityThenEdited({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('the customer list filtered by a class and sorted by tier', async () => {
    await classFilterOnCustomerList({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('tier settings: rank within groups by customer type → the tiered lists show each group, the explanation names it', async () => {
    await partitionInSettingsShowsGroups({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('export the customers to Excel; back up from Settings', async () => {
    await exportAndBackUp({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('a click opens a customer; leaving an unsaved profile edit asks first (stay keeps it, leave drops it)', async () => {
    await unsavedEditPrompt({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('tick a range of customers, tag them in one action, undo it', async () => {
    await bulkTagAndUndo({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('the customer list scrolled through page by page: every customer once, in order; ticks, selection and language reach drawn rows', async () => {
    await listScrollsThroughEveryPage({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('reminders: settings saved, today’s summary as a web notification that opens Today, a timed follow-up', async () => {
    await remindersSettingsAndTimedFollowUp({ page: session.page, screenshot: screenshotter(session.page, '') }, { browserNotifications: true });
  });

  it('data arrives complete: country from the city, usual currency and base amount, base currency locked', async () => {
    await dataArrivesComplete({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('purchase likelihood: the customer file\'s score and sentence, the list sorted by likelihood, the holdout chart and table', async () => {
    await predictionScoreSortAndHoldout({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('CLV settings: 24 months at 1.5 % saved, stated on the Predictions screen, used by the next recompute', async () => {
    await clvSettingsSavedAndStated({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('the README pictures: Today, customers, a customer file and an explained tier, in Chinese and English', async () => {
    await readmeScreenshots({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('order lines imported through the import screen: the customer file lists the lines and what they usually buy', async () => {
    await orderLinesImportToUsuallyBuys({ page: session.page, screenshot: screenshotter(session.page, '') }, tempFiles());
  });

  it('an order with two lines, a cost and part payment → balance owed → a return → revenue and balance follow → a payment', async () => {
    await orderLinesReturnAndBalance({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('keyboard only: Enter on a focused button is the button\'s, forms start in their first field and save on Enter, row actions reached with Tab, focus back after Escape, members explained with ↑↓ Enter, named filters', async () => {
    await keyboardOnlyJourney({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('typed work is not dropped by Escape: the quick follow-up and the order form ask first (keep editing keeps it, discard closes)', async () => {
    await typedWorkAsksBeforeClosing({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('the customer file uses each id once, with every tab visited and each of its dialogs open', async () => {
    await customerFileIdsUnique({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('every main screen checked by axe-core in English and Chinese: no serious or critical violation', async () => {
    await everyScreenPassesAxe({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('a long service-policy note is read in full where it is edited: the box grows, the tooltip holds it all', async () => {
    await policyNotesReadInFull({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('deleting by keyboard: an order\'s and the customer\'s Delete ask with the focus on Cancel, Enter there cancels, Tab and Enter delete', async () => {
    await deleteOrderAndCustomerByKeyboard({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('every form in a drawer or dialog asks before Escape, ×, Cancel or a click beside it drops typed work: new customer, follow-up edit, payment, return, rate, tier settings, custom segment, home province', async () => {
    await everyFormAsksBeforeDropping({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('Today\'s overdue group by keyboard: reached with Tab, opened with Enter, closed with Space, aria-expanded, both languages', async () => {
    await overdueGroupByKeyboard({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('Evaluation\'s first card is titled after the scheme chosen (a custom segment\'s own name), both languages', async () => {
    await evaluationCardNamesTheScheme({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  // Last of this book: it ends by restoring a backup (made just before, so the data is as it was).
  it('by keyboard: sortable headers reached with Tab, sorted with Enter and Space, aria-sort; focus back on the row after Escape; Restore reached, asked and answered', async () => {
    await headersRowsAndRestoreByKeyboard({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('hostile text at 1366×768: long, right-to-left and emoji names stay on one line in their own direction, whole on hover; figures never break', async () => {
    await hostileTextStaysInItsBox({ page: session.page, screenshot: screenshotter(session.page, '') }, (statement, params) => session.app.db.$client.prepare(statement).run(...params));
  });

  it('hostile data in the customer file\'s panels, a long order form and the service policies, in Chinese and English', async () => {
    await hostilePanelsAndDialogs({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('hostile data on the Import and Duplicates screens: 60 long columns, 5,000-character cells, right-to-left pairs, in Chinese and English', async () => {
    await hostileImportAndDuplicates({ page: session.page, screenshot: screenshotter(session.page, '') }, tempFiles());
  });

  it('hostile data in Duplicates and an order\'s lines: six candidates keep the result in view, 4,000-character notes a screenful, right-to-left line names keep their figures, in Chinese and English', async () => {
    await hostileMergeAndOrderLines({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('hostile data in forms: an Arabic follow-up edited in its own direction, a twelve-condition custom segment keeps Save in view, in Chinese and English', async () => {
    await hostileFormsKeepDirectionAndSave({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('hostile data in Settings (a long backup, team conflicts), Today\'s thirty owners and the service policies, in Chinese and English', async () => {
    await hostileSettingsTodayAndPolicies({ page: session.page, screenshot: screenshotter(session.page, '') }, (statement, params) => session.app.db.$client.prepare(statement).run(...params));
  });
});

// Its own database: a year of tier history can only be stored before any later day is (history is written forward only).
describe('TierBook evaluation in Chromium, on a demo with a year of tier history', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('demo → Evaluation → scheme and period → a heatmap cell lists the customers the migration answer names; PNG, .xlsx, both languages', async () => {
    await evaluationDashboardAndMigration({ page: session.page, screenshot: screenshotter(session.page, '') });
  });
});

// Its own database: more overdue customers than a page of Today holds, which the other journeys do not expect.
describe('TierBook in Chromium, with more overdue customers than a page of Today', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Today opened again with its overdue group collapsed asks once, for the rows it shows, both languages', async () => {
    await reopenedTodayAsksOnce({ page: session.page, screenshot: screenshotter(session.page, '') });
  });
});

// Its own database: a book where nobody has bought on a second day yet.
describe('TierBook in Chromium, on a new book whose orders are all on one day', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('no purchase likelihood from one day of orders: the Predictions screen, the holdout check and the customer file say why, both languages', async () => {
    await predictionRefusedOnOneDayBook({ page: session.page, screenshot: screenshotter(session.page, '') });
  });
});

describe('a team of two laptops in Chromium, each app through its own loopback bridge, syncing through pouchdb-server', () => {
  let team: TeamSession;
  beforeAll(async () => {
    team = await launchTeam(['zh-CN', 'en']);
  });
  afterAll(async () => {
    await team?.close();
  });

  it('create and join in Settings → Team; a customer and a follow-up from one laptop appear in the other; a same-field edit resolved and listed', async () => {
    await twoLaptopsShareACustomerBook({ laptops: team.laptops, couch: team.couch, screenshot: (page, name) => screenshotter(page, '')(name) });
  });
});
