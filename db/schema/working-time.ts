import { check, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { absenceReason } from './enums';
import { users } from './teams';

/** A weekly working window in the practitioner's own time zone (minutes after local midnight). */
export const workingPatterns = pgTable(
  'working_patterns',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint().notNull(),
    startMinute: smallint().notNull(),
    endMinute: smallint().notNull(),
  },
  (t) => [
    index().on(t.userId),
    check('working_patterns_weekday', sql`${t.weekday} between 1 and 7`),
    check(
      'working_patterns_window',
      sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`,
    ),
  ],
);

export const absences = pgTable(
  'absences',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    reason: absenceReason().notNull(),
    note: text(),
  },
  (t) => [index().on(t.userId, t.startsAt), check('absences_order', sql`${t.startsAt} < ${t.endsAt}`)],
);

export type WorkingPattern = typeof workingPatterns.$inferSelect;
export type Absence = typeof absences.$inferSelect;
