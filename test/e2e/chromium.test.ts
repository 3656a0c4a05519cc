import { afterAll, beforeAll, describe, it } from 'vitest';
import { tempFiles } from '../support/temp-files';
import { exportAndBackUp, firstRunToDueAndBadAmount, importGbkCsvThenUndo, keyboardFollowUpDueChoresAndUndo, newCustomerValidationAndDuplicate, pyramidGoldCustomerMovesUp } from './journeys';
import { bulkTagAndUndo, unsavedEditPrompt } from './journeys-comfort';
import { remindersSettingsAndTimedFollowUp } from './journeys-reminders';
import { launchChromium, screenshotter, type ChromiumSession } from './launch-chromium';

describe('TierBook in Chromium through the loopback bridge', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('first run → demo → pinyin search → file → follow-up → due → English → bad amount refused', async () => {
    await firstRunToDueAndBadAmount({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('a new customer: field-level errors, then a likely duplicate linked', async () => {
    await newCustomerValidationAndDuplicate({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('keyboard follow-up from the list; due chores (done, reschedule, log); delete and undo', async () => {
    await keyboardFollowUpDueChoresAndUndo({ page: session.page, screenshot: screenshotter(session.page, '') });
  });

  it('import a GBK CSV with Chinese headers: fix a mapping, preview one bad row, import the rest, rejects, undo', async () => {
    await importGbkCsvThenUndo({ page: session.page, screenshot: screenshotter(session.page, '') }, tempFiles());
  });

  it('pyramid → a gold customer → explanation → a large order → moves up, with history', async () => {
    await pyramidGoldCustomerMovesUp({ page: session.page, screenshot: screenshotter(session.page, '') });
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

  it('reminders: settings saved, today’s summary as a web notification that opens Today, a timed follow-up', async () => {
    await remindersSettingsAndTimedFollowUp({ page: session.page, screenshot: screenshotter(session.page, '') }, { browserNotifications: true });
  });
});
