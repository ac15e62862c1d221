import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { WorkingWindow } from '@/lib/working-time/weekly-pattern';
import type { AbsenceReason } from '@/lib/admin/labels';
import type { Db } from '../client';
import { absences, workingPatterns } from '../schema';

/** Working patterns and absences: the time a practitioner can be booked. Permission is the caller's. */

export async function workingPatternOf(db: Db, userId: string): Promise<WorkingWindow[]> {
  return db
    .select({
      weekday: workingPatterns.weekday,
      startMinute: workingPatterns.startMinute,
      endMinute: workingPatterns.endMinute,
    })
    .from(workingPatterns)
    .where(eq(workingPatterns.userId, userId))
    .orderBy(asc(workingPatterns.weekday), asc(workingPatterns.startMinute));
}

/** Replaces the whole week at once; the caller runs it in a transaction with its audit event. */
export async function replaceWorkingPattern(db: Db, userId: string, windows: readonly WorkingWindow[]) {
  await db.delete(workingPatterns).where(eq(workingPatterns.userId, userId));
  if (windows.length) await db.insert(workingPatterns).values(windows.map((w) => ({ userId, ...w })));
}

const absenceColumns = {
  id: absences.id,
  startsAt: absences.startsAt,
  endsAt: absences.endsAt,
  reason: absences.reason,
  note: absences.note,
};

/** Absences that end after `since`, earliest first. */
export async function absencesOf(db: Db, userId: string, since: Date) {
  return db
    .select(absenceColumns)
    .from(absences)
    .where(and(eq(absences.userId, userId), gt(absences.endsAt, since)))
    .orderBy(asc(absences.startsAt));
}

export type AbsenceRow = Awaited<ReturnType<typeof absencesOf>>[number];

/** The first absence of this practitioner overlapping [startsAt, endsAt), if any (half-open, as the constraint). */
export async function overlappingAbsence(db: Db, userId: string, startsAt: Date, endsAt: Date) {
  const rows = await db
    .select(absenceColumns)
    .from(absences)
    .where(and(eq(absences.userId, userId), lt(absences.startsAt, endsAt), gt(absences.endsAt, startsAt)))
    .orderBy(asc(absences.startsAt))
    .limit(1);
  return rows[0];
}

export async function insertAbsence(
  db: Db,
  values: { userId: string; startsAt: Date; endsAt: Date; reason: AbsenceReason; note: string | null },
) {
  const [row] = await db.insert(absences).values(values).returning(absenceColumns);
  return row!;
}

/** Removes one absence of this practitioner; undefined when there is no such absence. */
export async function deleteAbsence(db: Db, userId: string, absenceId: string) {
  const [row] = await db
    .delete(absences)
    .where(and(eq(absences.id, absenceId), eq(absences.userId, userId)))
    .returning(absenceColumns);
  return row;
}
