import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ROOT, tempDir } from '../support/test-app';
import { tempFiles } from '../support/temp-files';
import { todayFromFreshDemo } from './journeys-today';
import { farDayNoticeOnToday } from './journeys-days-after-today';
import Database from 'better-sqlite3';
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
import { oneLaptopSendsItsBook } from './journeys-team';
import { startTestCouch } from '../support/pouchdb-server';

/** The same journeys against the real Electron app (where its binary is installed: not on machines that skip the download). */
function electronBinary(): string {
  let path: unknown;
  try {
    path = createRequire(import.meta.url)('electron');
  } catch {
    path = null;
  }
  if (typeof path !== 'string' || !existsSync(path)) {
    throw new Error('The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set). Run `npm install` with network access to GitHub, then `npm run test:e2e:electron`.');
  }
  return path;
}

describe('TierBook as the Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  const dbPath = join(tempDir(), 'electron-e2e.sqlite');
  beforeAll(async () => {
    app = await electron.launch({
      executablePath: electronBinary(),
      args: [ROOT, '--lang=zh-CN'],
      env: { ...process.env, TIERBOOK_DB: dbPath, LANG: 'zh_CN.UTF-8' },
    });
    page = await app.firstWindow();
    // No one is there to click a save dialog: answer it with a file in a scratch folder.
    const saveDir = tempDir();
    await app.evaluate(({ dialog }, dir) => {
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as { defaultPath?: string };
        return { canceled: false, filePath: `${dir}/${options.defaultPath ?? 'export'}` };
      }) as typeof dialog.showSaveDialog;
    }, saveDir);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('first run → demo → Today → pinyin search → file → follow-up → English → bad amount refused', async () => {
    await firstRunToDueAndBadAmount({ page, screenshot: async () => undefined });
  });

  it('Today from the fresh demo: reasons on every row, log a follow-up, the row leaves, the badge counts down', async () => {
    await todayFromFreshDemo({ page: page, screenshot: async () => undefined });
  });

  it('a far day stored by a clock that ran ahead: Today names it, and removes it when asked', async () => {
    // Written beside the app's own connection, as another process writes to the book.
    await farDayNoticeOnToday({ page, screenshot: async () => undefined }, (day) => {
      const db = new Database(dbPath);
      try {
        db.prepare(`INSERT INTO segment_runs (as_of, computed_at, customer_count) VALUES (?, ?, 0)`).run(day, new Date().toISOString());
      } finally {
        db.close();
      }
    });
  });

  it('a new customer: field-level errors, then a likely duplicate linked', async () => {
    await newCustomerValidationAndDuplicate({ page: page, screenshot: async () => undefined });
  });

  it('keyboard follow-up from the list; overdue chores on Today (done, reschedule, log); delete and undo', async () => {
    await keyboardFollowUpDueChoresAndUndo({ page: page, screenshot: async () => undefined });
  });

  it('import a GBK CSV with Chinese headers: fix a mapping, preview one bad row, import the rest, rejects, undo', async () => {
    await importGbkCsvThenUndo({ page: page, screenshot: async () => undefined }, tempFiles());
  });

  it('pyramid → a gold customer → explanation → a large order → moves up, with history', async () => {
    await pyramidGoldCustomerMovesUp({ page: page, screenshot: async () => undefined });
  });

  it('a custom segment on locality = local with the right count, then edited', async () => {
    await customSegmentOnLocalityThenEdited({ page: page, screenshot: async () => undefined });
  });

  it('the customer list filtered by a class and sorted by tier', async () => {
    await classFilterOnCustomerList({ page: page, screenshot: async () => undefined });
  });

  it('tier settings: rank within groups by customer type → the tiered lists show each group, the explanation names it', async () => {
    await partitionInSettingsShowsGroups({ page, screenshot: async () => undefined });
  });

  it('export the customers to Excel; back up from Settings', async () => {
    await exportAndBackUp({ page: page, screenshot: async () => undefined });
  });

  it('a click opens a customer; leaving an unsaved profile edit asks first (stay keeps it, leave drops it)', async () => {
    await unsavedEditPrompt({ page: page, screenshot: async () => undefined });
  });

  it('tick a range of customers, tag them in one action, undo it', async () => {
    await bulkTagAndUndo({ page: page, screenshot: async () => undefined });
  });

  it('the customer list scrolled through page by page: every customer once, in order; ticks, selection and language reach drawn rows', async () => {
    await listScrollsThroughEveryPage({ page, screenshot: async () => undefined });
  });

  it('reminders: settings saved, a timed follow-up (native notifications come from the main process)', async () => {
    await remindersSettingsAndTimedFollowUp({ page, screenshot: async () => undefined }, { browserNotifications: false });
  });

  it('data arrives complete: country from the city, usual currency and base amount, base currency locked', async () => {
    await dataArrivesComplete({ page, screenshot: async () => undefined });
  });

  it('purchase likelihood: the customer file\'s score and sentence, the list sorted by likelihood, the holdout chart and table', async () => {
    await predictionScoreSortAndHoldout({ page: page, screenshot: async () => undefined });
  });

  it('CLV settings: 24 months at 1.5 % saved, stated on the Predictions screen, used by the next recompute', async () => {
    await clvSettingsSavedAndStated({ page, screenshot: async () => undefined });
  });

  it('the README pictures: Today, customers, a customer file and an explained tier, in Chinese and English', async () => {
    await readmeScreenshots({ page, screenshot: async () => undefined });
  });

  it('order lines imported through the import screen: the customer file lists the lines and what they usually buy', async () => {
    await orderLinesImportToUsuallyBuys({ page, screenshot: async () => undefined }, tempFiles());
  });

  it('an order with two lines, a cost and part payment → balance owed → a return → revenue and balance follow → a payment', async () => {
    await orderLinesReturnAndBalance({ page, screenshot: async () => undefined });
  });

  it('keyboard only: Enter on a focused button is the button\'s, forms start in their first field and save on Enter, row actions reached with Tab, focus back after Escape, members explained with ↑↓ Enter, named filters', async () => {
    await keyboardOnlyJourney({ page, screenshot: async () => undefined });
  });

  it('typed work is not dropped by Escape: the quick follow-up and the order form ask first (keep editing keeps it, discard closes)', async () => {
    await typedWorkAsksBeforeClosing({ page, screenshot: async () => undefined });
  });

  it('the customer file uses each id once, with every tab visited and each of its dialogs open', async () => {
    await customerFileIdsUnique({ page, screenshot: async () => undefined });
  });

  it('every main screen checked by axe-core in English and Chinese: no serious or critical violation', async () => {
    await everyScreenPassesAxe({ page, screenshot: async () => undefined });
  });

  it('a long service-policy note is read in full where it is edited: the box grows, the tooltip holds it all', async () => {
    await policyNotesReadInFull({ page, screenshot: async () => undefined });
  });

  it('deleting by keyboard: an order\'s and the customer\'s Delete ask with the focus on Cancel, Enter there cancels, Tab and Enter delete', async () => {
    await deleteOrderAndCustomerByKeyboard({ page, screenshot: async () => undefined });
  });

  it('every form in a drawer or dialog asks before Escape, ×, Cancel or a click beside it drops typed work: new customer, follow-up edit, payment, return, rate, tier settings, custom segment, home province', async () => {
    await everyFormAsksBeforeDropping({ page, screenshot: async () => undefined });
  });

  it('Today\'s overdue group by keyboard: reached with Tab, opened with Enter, closed with Space, aria-expanded, both languages', async () => {
    await overdueGroupByKeyboard({ page, screenshot: async () => undefined });
  });

  it('Evaluation\'s first card is titled after the scheme chosen (a custom segment\'s own name), both languages', async () => {
    await evaluationCardNamesTheScheme({ page, screenshot: async () => undefined });
  });

  // Ends by restoring a backup made just before, so the data is as it was for the team journey after it.
  it('by keyboard: sortable headers reached with Tab, sorted with Enter and Space, aria-sort; focus back on the row after Escape; Restore reached, asked and answered', async () => {
    await headersRowsAndRestoreByKeyboard({ page, screenshot: async () => undefined });
  });

  it('hostile text at 1366×768: long, right-to-left and emoji names stay on one line in their own direction, whole on hover; figures never break', async () => {
    await hostileTextStaysInItsBox({ page, screenshot: async () => undefined }, (statement, params) => {
      const db = new Database(dbPath);
      try {
        db.prepare(statement).run(...params);
      } finally {
        db.close();
      }
    });
  });

  it('hostile data in the customer file\'s panels, a long order form and the service policies, in Chinese and English', async () => {
    await hostilePanelsAndDialogs({ page, screenshot: async () => undefined });
  });

  it('hostile data on the Import and Duplicates screens: 60 long columns, 5,000-character cells, right-to-left pairs, in Chinese and English', async () => {
    await hostileImportAndDuplicates({ page, screenshot: async () => undefined }, tempFiles());
  });

  it('hostile data in Duplicates and an order\'s lines: six candidates keep the result in view, 4,000-character notes a screenful, right-to-left line names keep their figures, in Chinese and English', async () => {
    await hostileMergeAndOrderLines({ page, screenshot: async () => undefined });
  });

  it('hostile data in forms: an Arabic follow-up edited in its own direction, a twelve-condition custom segment keeps Save in view, in Chinese and English', async () => {
    await hostileFormsKeepDirectionAndSave({ page, screenshot: async () => undefined });
  });

  it('hostile data in Settings (a long backup, team conflicts), Today\'s thirty owners and the service policies, in Chinese and English', async () => {
    await hostileSettingsTodayAndPolicies({ page, screenshot: async () => undefined }, (statement, params) => {
      const db = new Database(dbPath);
      try {
        db.prepare(statement).run(...params);
      } finally {
        db.close();
      }
    });
  });

  it('team: the app creates a team on pouchdb-server in Settings → Team, sends its book, and a follow-up reaches the server signed by this laptop', async () => {
    const couch = await startTestCouch();
    try {
      await oneLaptopSendsItsBook({ page, screenshot: async () => undefined }, couch);
    } finally {
      await couch.stop();
    }
  });
});

// Its own app and database: a year of tier history can only be stored before any later day is (history is written forward only).
describe('TierBook evaluation as the Electron app, on a demo with a year of tier history', () => {
  let app: ElectronApplication;
  let page: Page;
  beforeAll(async () => {
    app = await electron.launch({
      executablePath: electronBinary(),
      args: [ROOT, '--lang=en'],
      env: { ...process.env, TIERBOOK_DB: join(tempDir(), 'electron-evaluation.sqlite'), LANG: 'en_US.UTF-8' },
    });
    page = await app.firstWindow();
    const saveDir = tempDir();
    await app.evaluate(({ dialog }, dir) => {
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as { defaultPath?: string };
        return { canceled: false, filePath: `${dir}/${options.defaultPath ?? 'export'}` };
      }) as typeof dialog.showSaveDialog;
    }, saveDir);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('demo → Evaluation → scheme and period → a heatmap cell lists the customers the migration answer names; PNG, .xlsx, both languages', async () => {
    await evaluationDashboardAndMigration({ page, screenshot: async () => undefined });
  });
});

/** A journey that needs a book of its own: the app launched on a new database file, in Chinese, for that describe block. */
function onABookOfItsOwn(file: string, title: string, journey: (page: Page) => Promise<void>): void {
  describe(title, () => {
    let app: ElectronApplication;
    let page: Page;
    beforeAll(async () => {
      app = await electron.launch({
        executablePath: electronBinary(),
        args: [ROOT, '--lang=zh-CN'],
        env: { ...process.env, TIERBOOK_DB: join(tempDir(), file), LANG: 'zh_CN.UTF-8' },
      });
      page = await app.firstWindow();
    });
    afterAll(async () => {
      await app?.close();
    });
    it('runs', async () => {
      await journey(page);
    });
  });
}

// More overdue customers than a page of Today holds, which the other journeys do not expect.
onABookOfItsOwn('electron-overdue.sqlite', 'TierBook as the Electron app: Today opened again with its overdue group collapsed asks once, for the rows it shows, both languages', (page) =>
  reopenedTodayAsksOnce({ page, screenshot: async () => undefined }),
);

// A book where nobody has bought on a second day yet.
onABookOfItsOwn('electron-one-day.sqlite', 'TierBook as the Electron app, on a new book whose orders are all on one day: no purchase likelihood from one day of orders; the Predictions screen, the holdout check and the customer file say why, both languages', (page) =>
  predictionRefusedOnOneDayBook({ page, screenshot: async () => undefined }),
);
