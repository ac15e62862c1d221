import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { recordSharing } from './enums';
import { meetings } from './meetings';
import { users } from './teams';

/** What a network meeting said and decided, each voice in its own words. */
export type RecordContent = {
  voices: { speaker: string; words: string }[];
  reflections: string[];
  decisions: { decision: string; agreed: string[]; disagreed: string[] }[];
  openQuestions: string[];
  actions: { who: string; what: string; byWhen: string | null }[];
  nextSteps: string;
};

/**
 * Append-only: every save is a new version; a trigger (migration 0001) refuses UPDATE and DELETE,
 * so a signed version can never change. Amendments are new versions that carry a reason.
 */
export const meetingRecords = pgTable(
  'meeting_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    version: integer().notNull(),
    content: jsonb().$type<RecordContent>().notNull(),
    readBackWithPerson: boolean().notNull().default(false),
    sharing: recordSharing().notNull().default('team'),
    amendmentReason: text(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.meetingId, t.version), check('meeting_records_version', sql`${t.version} >= 1`)],
);

export const fidelityElements = [
  'two_or_more_therapists',
  'family_and_network_participation',
  'open_ended_questions',
  'responding_to_utterances',
  'emphasising_present_moment',
  'eliciting_multiple_viewpoints',
  'relational_focus',
  'matter_of_fact_response',
  'clients_own_words',
  'reflections_among_professionals',
  'transparency',
  'tolerating_uncertainty',
] as const;

/** A rating of one of the 12 key elements of dialogic practice for one meeting (0–3). */
export const fidelityRatings = pgTable(
  'fidelity_ratings',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    raterId: uuid()
      .notNull()
      .references(() => users.id),
    element: text({ enum: fidelityElements }).notNull(),
    score: smallint().notNull(),
    ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.meetingId, t.raterId, t.element),
    index().on(t.meetingId),
    check('fidelity_score', sql`${t.score} between 0 and 3`),
  ],
);

export type MeetingRecord = typeof meetingRecords.$inferSelect;
