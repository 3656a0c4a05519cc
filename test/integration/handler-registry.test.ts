import { describe, expect, it } from 'vitest';
import { mergeHandlerMaps } from '../../core/handlers';
import { CHANNELS } from '../../shared/contract';
import { openTestApp } from '../support/test-app';
import { fileAccess } from '../../core/files';
import { createHandlers } from '../../core/handlers';
import { systemClock } from '../../core/context';

describe('the handler registry', () => {
  it('refuses a channel registered twice', () => {
    expect(() => mergeHandlerMaps([{ 'customers:list': () => 1 }, { 'customers:list': () => 2 }])).toThrow('Handler registered twice: customers:list');
  });
  it('has exactly one handler for every channel of the contract', () => {
    const app = openTestApp();
    try {
      const handlers = createHandlers({ db: app.db, clock: systemClock, dbPath: app.dbPath, appVersion: 'test', files: fileAccess({ mode: 'paths' }, app.dbPath) });
      expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    } finally {
      app.cleanup();
    }
  });
  it('answers an unknown channel with a typed error', async () => {
    const app = openTestApp();
    try {
      expect(await app.dispatch('customers:explode', {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel: customers:explode' } });
      expect(await app.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    } finally {
      app.cleanup();
    }
  });
});
