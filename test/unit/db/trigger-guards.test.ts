import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NOT_BULK } from '../../../db/activity-sql';
import { falseGuards, isInertTrigger, SYNC_ENQUEUING, SYNC_USER_NAMED } from '../../../db/trigger-guards';

const trigger = (when: string) => `CREATE TRIGGER t AFTER UPDATE OF a ON x WHEN ${when} BEGIN\n  UPDATE x SET b = CASE WHEN a > 0 THEN 1 ELSE 0 END;\nEND`;

describe('trigger guards: which triggers can do nothing in a bulk write', () => {
  it('judges a trigger inert when a top-level AND term is a false guard, whatever the spacing', () => {
    expect(isInertTrigger(trigger(SYNC_ENQUEUING), [SYNC_ENQUEUING])).toBe(true);
    expect(isInertTrigger(trigger(`NEW.a IS NOT OLD.a AND\n  ${NOT_BULK.replace(/ /g, '  ')}`), [NOT_BULK])).toBe(true);
    expect(isInertTrigger(trigger(`(OLD.a IS NOT NEW.a OR OLD.b IS NOT NEW.b) AND ${NOT_BULK}`), [NOT_BULK])).toBe(true);
    expect(isInertTrigger(trigger(`NEW.b IS OLD.b AND (SELECT applying FROM sync_state WHERE id = 1) IS NOT 1 AND ${SYNC_USER_NAMED}`), [SYNC_USER_NAMED])).toBe(true);
  });

  it('keeps a trigger whose guard holds, or whose WHEN could hold another way', () => {
    expect(isInertTrigger(trigger(SYNC_ENQUEUING), [NOT_BULK])).toBe(false);
    // An OR at the top: the other side may hold.
    expect(isInertTrigger(trigger(`NEW.a > 0 OR ${SYNC_ENQUEUING}`), [SYNC_ENQUEUING])).toBe(false);
    // Inside parentheses with an OR: not a conjunct of the whole.
    expect(isInertTrigger(trigger(`(NEW.a > 0 OR ${SYNC_ENQUEUING}) AND NEW.b = 1`), [SYNC_ENQUEUING])).toBe(false);
    // BETWEEN's AND is not a conjunction.
    expect(isInertTrigger(trigger(`NEW.a BETWEEN 1 AND ${SYNC_ENQUEUING}`), [SYNC_ENQUEUING])).toBe(false);
    // A guard's text in a string is not the guard.
    expect(isInertTrigger(trigger(`NEW.a = ' AND ${SYNC_ENQUEUING}'`), [SYNC_ENQUEUING])).toBe(false);
    // The guard negated, or only a part of a term.
    expect(isInertTrigger(trigger(`NOT ${SYNC_ENQUEUING}`), [SYNC_ENQUEUING])).toBe(false);
    // No WHEN at all: always runs.
    expect(isInertTrigger(`CREATE TRIGGER t AFTER UPDATE ON x BEGIN SELECT 1; END`, [SYNC_ENQUEUING, NOT_BULK])).toBe(false);
  });

  it('reads the false guards from the database: bulk mode, the outbox and the member name', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE bulk_write (id INTEGER PRIMARY KEY, active INTEGER); INSERT INTO bulk_write VALUES (1, 0);
             CREATE TABLE sync_state (id INTEGER PRIMARY KEY, enqueue INTEGER, user_name TEXT); INSERT INTO sync_state VALUES (1, 0, NULL);`);
    expect(falseGuards(db).sort()).toEqual([SYNC_ENQUEUING, SYNC_USER_NAMED].sort());
    db.exec(`UPDATE bulk_write SET active = 1; UPDATE sync_state SET enqueue = 1`);
    expect(falseGuards(db).sort()).toEqual([NOT_BULK, SYNC_USER_NAMED].sort());
    db.exec(`UPDATE sync_state SET user_name = '小王'`);
    expect(falseGuards(db)).toEqual([NOT_BULK]);
    // What SQLite itself says of each guard, so the texts stay true SQL for these states.
    for (const guard of [NOT_BULK, SYNC_ENQUEUING, SYNC_USER_NAMED]) expect(db.prepare(`SELECT ${guard}`).pluck().get()).toBe(falseGuards(db).includes(guard) ? 0 : 1);
    db.close();
  });
});
