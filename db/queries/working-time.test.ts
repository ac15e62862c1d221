import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '@/lib/errors/app-error';
import { wholeDaysToInterval } from '@/lib/working-time/absence-days';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeUser } from '../testing/factories';
import {
  absencesOf,
  deleteAbsence,
  insertAbsence,
  overlappingAbsence,
  replaceWorkingPattern,
  workingPatternOf,
} from './working-time';

describe.each(engines)('working patterns and absences on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('replaces the whole week at once', async () => {
    const { db } = database;
    const user = await makeUser(db);
    await replaceWorkingPattern(db, user.id, [
      { weekday: 1, startMinute: 540, endMinute: 1020 },
      { weekday: 5, startMinute: 810, endMinute: 1020 },
      { weekday: 5, startMinute: 540, endMinute: 750 },
    ]);
    await replaceWorkingPattern(db, user.id, [
      { weekday: 5, startMinute: 810, endMinute: 1020 },
      { weekday: 5, startMinute: 540, endMinute: 720 },
    ]);
    expect(await workingPatternOf(db, user.id)).toEqual([
      { weekday: 5, startMinute: 540, endMinute: 720 },
      { weekday: 5, startMinute: 810, endMinute: 1020 },
    ]);
    await replaceWorkingPattern(db, user.id, []);
    expect(await workingPatternOf(db, user.id)).toEqual([]);
  });

  it('refuses a window that ends before it starts, in the database too', async () => {
    const { db } = database;
    const user = await makeUser(db);
    await expect(
      replaceWorkingPattern(db, user.id, [{ weekday: 2, startMinute: 900, endMinute: 600 }]),
    ).rejects.toThrow();
  });

  it('finds an overlapping absence before saving, and allows back-to-back ones', async () => {
    const { db } = database;
    const user = await makeUser(db);
    const zone = 'Europe/London';
    const leave = await insertAbsence(db, {
      userId: user.id,
      ...wholeDaysToInterval('2026-03-02', '2026-03-06', zone),
      reason: 'leave',
      note: null,
    });
    const clash = wholeDaysToInterval('2026-03-06', '2026-03-09', zone);
    expect((await overlappingAbsence(db, user.id, clash.startsAt, clash.endsAt))?.id).toBe(leave.id);
    const next = wholeDaysToInterval('2026-03-07', '2026-03-09', zone);
    expect(await overlappingAbsence(db, user.id, next.startsAt, next.endsAt)).toBeUndefined();
    await insertAbsence(db, { userId: user.id, ...next, reason: 'training', note: 'Open Dialogue foundation' });
    const other = await makeUser(db);
    expect(await overlappingAbsence(db, other.id, clash.startsAt, clash.endsAt)).toBeUndefined();
  });

  it('refuses overlapping absences in the database, with a message a person can act on', async () => {
    const { db } = database;
    const user = await makeUser(db);
    await insertAbsence(db, {
      userId: user.id,
      ...wholeDaysToInterval('2026-04-13', '2026-04-17', 'Europe/London'),
      reason: 'leave',
      note: null,
    });
    const error = await insertAbsence(db, {
      userId: user.id,
      ...wholeDaysToInterval('2026-04-17', '2026-04-17', 'Europe/London'),
      reason: 'sickness',
      note: null,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    const appError = toAppError(error);
    expect(appError.code).toBe('conflict');
    expect(appError.message).toMatch(/overlaps another absence/);
  });

  it('lists absences ending after a time, earliest first, and removes only the practitioner’s own', async () => {
    const { db } = database;
    const user = await makeUser(db);
    const other = await makeUser(db);
    const zone = 'Europe/London';
    const past = await insertAbsence(db, {
      userId: user.id,
      ...wholeDaysToInterval('2026-01-05', '2026-01-06', zone),
      reason: 'sickness',
      note: null,
    });
    const later = await insertAbsence(db, {
      userId: user.id,
      ...wholeDaysToInterval('2026-06-01', '2026-06-05', zone),
      reason: 'leave',
      note: null,
    });
    const soon = await insertAbsence(db, {
      userId: user.id,
      ...wholeDaysToInterval('2026-02-10', '2026-02-10', zone),
      reason: 'training',
      note: null,
    });
    expect((await absencesOf(db, user.id, new Date('2026-02-01T00:00:00Z'))).map((a) => a.id)).toEqual([
      soon.id,
      later.id,
    ]);
    expect(await deleteAbsence(db, other.id, past.id)).toBeUndefined();
    expect((await deleteAbsence(db, user.id, past.id))?.id).toBe(past.id);
    expect((await absencesOf(db, user.id, new Date('2025-01-01T00:00:00Z'))).map((a) => a.id)).toEqual([
      soon.id,
      later.id,
    ]);
  });
});
