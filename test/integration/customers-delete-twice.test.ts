import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { movableClock, openTestApp, type TestApp } from '../support/test-app';

// Sending a customer to the trash or the archive twice, or bringing back one that is there already, changes
// nothing: the first time stands (the trash and the archive list by it), and the team is sent no edit.
let app: TestApp;
let clock: ReturnType<typeof movableClock>;
let id: string;
beforeEach(async () => {
  clock = movableClock('2026-11-20');
  app = openTestApp('2026-11-20', { clock });
  id = (await app.call('customers:create', { name: 'Harbour Supplies' })).customer.id;
});
afterEach(() => app.cleanup());

const row = () => app.db.$client.prepare('SELECT deleted_at, archived_at, updated_at FROM customers WHERE id = ?').get(id);
const noon = (day: string) => new Date(`${day}T12:00:00`).toISOString();

describe('a customer deleted or archived twice', () => {
  it('keeps the first deletion', async () => {
    await app.call('customers:delete', { id });
    clock.moveTo('2026-11-22');
    expect(await app.call('customers:delete', { id })).toMatchObject({ id, deletedAt: noon('2026-11-20') });
    expect(row()).toEqual({ deleted_at: noon('2026-11-20'), archived_at: null, updated_at: noon('2026-11-20') });
  });

  it('keeps the first archiving, and bringing back an active customer writes nothing', async () => {
    clock.moveTo('2026-11-21');
    expect(await app.call('customers:archive', { id, archived: false })).toMatchObject({ id, archivedAt: null });
    expect(row()).toEqual({ deleted_at: null, archived_at: null, updated_at: noon('2026-11-20') });
    await app.call('customers:archive', { id, archived: true });
    clock.moveTo('2026-11-22');
    await app.call('customers:archive', { id, archived: true });
    expect(row()).toEqual({ deleted_at: null, archived_at: noon('2026-11-21'), updated_at: noon('2026-11-21') });
  });

  it('restoring a customer that is not in the trash writes nothing; one that is comes back', async () => {
    clock.moveTo('2026-11-21');
    await app.call('customers:restore', { id });
    expect(row()).toEqual({ deleted_at: null, archived_at: null, updated_at: noon('2026-11-20') });
    await app.call('customers:delete', { id });
    await app.call('customers:restore', { id });
    expect(row()).toEqual({ deleted_at: null, archived_at: null, updated_at: noon('2026-11-21') });
  });
});
