import { afterAll, beforeAll, describe, it } from 'vitest';
import { firstRunToDueAndBadAmount } from './journeys';
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
});
