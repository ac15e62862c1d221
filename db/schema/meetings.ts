import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { attendance, invitationResponse, locationKind, meetingKind, meetingStatus, participantRole } from './enums';
import { networkMembers, people } from './people';
import { teams, users } from './teams';

export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    kind: meetingKind().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    timeZone: text().notNull().default('Europe/London'),
    locationKind: locationKind().notNull(),
    locationDetail: text(),
    videoUrl: text(),
    status: meetingStatus().notNull().default('scheduled'),
    statusReason: text(),
    seriesId: uuid(),
    /** Bumped on every change so calendar clients replace their copy (RFC 5545 SEQUENCE). */
    sequence: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.teamId, t.startsAt),
    index().on(t.personId, t.startsAt),
    // A person's next booked meeting, for the caseload's sort: one index probe.
    index('meetings_person_scheduled_index')
      .on(t.personId, t.startsAt)
      .where(sql`${t.status} = 'scheduled'`),
    // A person's latest held meetings, newest first, for the caseload and the continuity review: with
    // the id and the time zone in the index, the review's one probe per person never visits the table.
    index('meetings_person_held_index')
      .on(t.personId, t.startsAt, t.id, t.timeZone)
      .where(sql`${t.status} = 'held'`),
    index().on(t.seriesId),
    check('meetings_order', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/**
 * A practitioner in a meeting, with the interval they are busy (the meeting plus travel around
 * home and community visits). The exclusion constraint in migration 0001 makes two active
 * intervals of one practitioner unable to overlap, whatever the application does.
 */
export const meetingPractitioners = pgTable(
  'meeting_practitioners',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: participantRole().notNull().default('required'),
    busyFrom: timestamp({ withTimezone: true }).notNull(),
    busyTo: timestamp({ withTimezone: true }).notNull(),
    /** False once the meeting is cancelled, which frees the interval. */
    active: boolean().notNull().default(true),
    attendance: attendance().notNull().default('unknown'),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index().on(t.userId, t.busyFrom),
    check('meeting_practitioners_order', sql`${t.busyFrom} < ${t.busyTo}`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    /** Exactly one of these is set: the person at the centre, or one of their network members. */
    personId: uuid().references(() => people.id),
    networkMemberId: uuid().references(() => networkMembers.id),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text().notNull().unique(),
    response: invitationResponse().notNull().default('needs_action'),
    respondedAt: timestamp({ withTimezone: true }),
    message: text(),
    attended: boolean(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.meetingId),
    // One live invitation (one working link) per invitee per meeting, however many bookings race;
    // turned-off links stay as history beside the new link that replaced them.
    uniqueIndex('invitations_meeting_person_unique')
      .on(t.meetingId, t.personId)
      .where(sql`${t.personId} is not null and ${t.revokedAt} is null`),
    uniqueIndex('invitations_meeting_member_unique')
      .on(t.meetingId, t.networkMemberId)
      .where(sql`${t.networkMemberId} is not null and ${t.revokedAt} is null`),
    check('invitations_one_invitee', sql`(${t.personId} is null) <> (${t.networkMemberId} is null)`),
  ],
);

/** Secret, revocable calendar subscription URLs (stored as a hash). */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
});

/** Fixed-window counters for public pages; kept in Postgres so several app instances agree. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  hits: integer().notNull(),
});

/**
 * Failed sign-ins with growing waits (lib/auth/throttle.ts): per email and address, per email,
 * per address. Keys hold a digest of the email, never the email.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  lastFailureAt: timestamp({ withTimezone: true }).notNull(),
});

export type Meeting = typeof meetings.$inferSelect;
export type MeetingPractitioner = typeof meetingPractitioners.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
