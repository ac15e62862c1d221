import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { invitations, meetings } from './meetings';
import { networkMembers, people } from './people';
import { users } from './teams';

/** How someone was at a meeting: recorded after it for every practitioner and everyone invited. */
export const presence = pgEnum('presence', ['came', 'came_late', 'left_early', 'remote', 'apologies', 'no_word']);
export const presenceValues = presence.enumValues;
export type Presence = (typeof presenceValues)[number];
/** Presences that mean someone was there: in the room, late, leaving early, or by phone or video. */
export const presentValues = ['came', 'came_late', 'left_early', 'remote'] as const satisfies readonly Presence[];

/** The sections of a record, as the person chooses to share them and the team may withhold them. */
export const recordSections = [
  'voices',
  'reflections',
  'decisions',
  'open_questions',
  'actions',
  'next_meeting',
] as const;
export type RecordSection = (typeof recordSections)[number];

/** The only reasons a record, or part of it, may be kept from the person (reviewed by a date). */
export const withholdReason = pgEnum('withhold_reason', [
  'serious_harm_to_person',
  'harm_to_someone_else',
  'about_someone_else',
  'safeguarding_enquiry',
]);
export const signatureKind = pgEnum('signature_kind', ['signed', 'co_signed']);

/**
 * Who came to a held meeting: one row per practitioner, the person, or a network member. Those
 * who came without being booked or invited are added (`invited` false); a practitioner
 * covering for a colleague names them (`covering_for`), which is not a change of core team.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    userId: uuid().references(() => users.id),
    personId: uuid().references(() => people.id),
    networkMemberId: uuid().references(() => networkMembers.id),
    presence: presence().notNull(),
    invited: boolean().notNull().default(true),
    coveringFor: uuid().references(() => users.id),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_attendance_user_unique')
      .on(t.meetingId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('meeting_attendance_person_unique')
      .on(t.meetingId, t.personId)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('meeting_attendance_member_unique')
      .on(t.meetingId, t.networkMemberId)
      .where(sql`${t.networkMemberId} is not null`),
    index().on(t.userId, t.meetingId),
    // Everyone at one meeting: the partial unique indexes above cannot serve `meeting_id = $1` alone.
    index().on(t.meetingId),
    check('meeting_attendance_one_attendee', sql`num_nonnulls(${t.userId}, ${t.personId}, ${t.networkMemberId}) = 1`),
    check('meeting_attendance_covering', sql`${t.coveringFor} is null or ${t.userId} is not null`),
  ],
);

export type Stance = 'agrees' | 'disagrees' | 'unsure' | 'did_not_say';
/** A participant of the meeting as the record names them: `u:`, `p:` or `m:` and an id. */
export type ParticipantKey = string;

/** What a network meeting said and decided, each voice in its own words. */
export type RecordContent = {
  voices: { key: ParticipantKey; name: string; words: string }[];
  reflections: { held: boolean | null; said: string; response: string };
  decisions: {
    options: string;
    decision: string;
    stances: { key: ParticipantKey; name: string; stance: Stance; words: string }[];
  }[];
  openQuestions: { question: string; revisitOn: string | null; resolved: boolean }[];
  actions: { who: string; what: string; byWhen: string | null; done: boolean }[];
  nextMeeting: { when: string; where: string; who: string };
};

/**
 * Append-only: every save is a new version, and triggers (migration 0008) refuse UPDATE and
 * DELETE, and refuse a new version after a signed one unless it is an amendment or marks the
 * record entered in error, each with a reason.
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
    amendmentReason: text(),
    enteredInErrorReason: text(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.meetingId, t.version),
    check('meeting_records_version', sql`${t.version} >= 1`),
    check('meeting_records_one_reason', sql`${t.amendmentReason} is null or ${t.enteredInErrorReason} is null`),
  ],
);

/** A signature on one version; a co-signature needs the signature first. Append-only. */
export const recordSignatures = pgTable(
  'record_signatures',
  {
    id: uuid().primaryKey().defaultRandom(),
    recordId: uuid()
      .notNull()
      .references(() => meetingRecords.id),
    signerId: uuid()
      .notNull()
      .references(() => users.id),
    kind: signatureKind().notNull(),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.recordId, t.signerId),
    uniqueIndex('record_signatures_one_signer')
      .on(t.recordId)
      .where(sql`${t.kind} = 'signed'`),
  ],
);

/** The person's choice of what network members who came may read; the newest row holds. */
export const recordShareChoices = pgTable(
  'record_share_choices',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    sections: text({ enum: recordSections }).array().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId, t.recordedAt)],
);

/** The team keeping a record (section null) or one section from the person, with a reason and a review date. */
export const recordWithholdings = pgTable(
  'record_withholdings',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    section: text({ enum: recordSections }),
    reason: withholdReason().notNull(),
    reviewOn: date({ mode: 'string' }).notNull(),
    withheldBy: uuid()
      .notNull()
      .references(() => users.id),
    withheldAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    liftedBy: uuid().references(() => users.id),
    liftedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.meetingId)],
);

/** "This isn't how I see it": a reader's own words beside a section, dated, never changing the record. Append-only. */
export const recordStatements = pgTable(
  'record_statements',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    recordId: uuid()
      .notNull()
      .references(() => meetingRecords.id),
    invitationId: uuid()
      .notNull()
      .references(() => invitations.id),
    section: text({ enum: recordSections }).notNull(),
    words: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId)],
);

export const fidelityElements = [
  'two_or_more_practitioners',
  'network_participation',
  'open_questions',
  'responding_to_what_is_said',
  'present_moment',
  'many_viewpoints',
  'relational_focus',
  'matter_of_fact',
  'own_words_and_stories',
  'reflections',
  'transparency',
  'tolerating_uncertainty',
] as const;
export type FidelityElement = (typeof fidelityElements)[number];

/**
 * A practitioner's own rating of one of the 12 key elements of dialogic practice for a meeting
 * they came to: 0–3, or null for "not applicable". Reflective: it can be changed by the rater.
 */
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
    score: smallint(),
    note: text(),
    ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.meetingId, t.raterId, t.element),
    index().on(t.meetingId),
    check('fidelity_score', sql`${t.score} is null or ${t.score} between 0 and 3`),
  ],
);

export type MeetingRecord = typeof meetingRecords.$inferSelect;
export type MeetingAttendance = typeof meetingAttendance.$inferSelect;
