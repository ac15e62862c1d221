import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  closeness,
  contactChannel,
  coreRole,
  inviteeVisibility,
  memberKind,
  personStatus,
  relationship,
} from './enums';
import { teams, users } from './teams';

/** Days and hours that suit the person for meetings (ISO weekdays, minutes after local midnight). */
export type MeetingPreferences = { weekdays: number[]; fromMinute: number; toMinute: number };

export const people = pgTable(
  'people',
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    givenName: text().notNull(),
    familyName: text().notNull(),
    preferredName: text(),
    pronouns: text(),
    dateOfBirth: date({ mode: 'string' }),
    email: text(),
    phone: text(),
    address: text(),
    preferredPlaces: text(),
    accessibilityNeeds: text(),
    interpreterLanguage: text(),
    meetingPreferences: jsonb().$type<MeetingPreferences>(),
    /**
     * Whether network members see the first names and relationships of the others invited
     * ('names'), or only that the team is coming and others are invited ('hidden'). The person
     * themself always sees everyone invited to their own meeting.
     */
    inviteesSeeEachOther: inviteeVisibility().notNull().default('names'),
    referralAt: timestamp({ withTimezone: true }).notNull(),
    firstContactUserId: uuid().references(() => users.id),
    status: personStatus().notNull().default('active'),
    dischargedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.teamId, t.familyName, t.givenName), index().on(t.teamId, t.status)],
);

export const networkMembers = pgTable(
  'network_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    givenName: text().notNull(),
    familyName: text(),
    relationship: relationship().notNull(),
    kind: memberKind().notNull(),
    closeness: closeness().notNull(),
    email: text(),
    phone: text(),
    preferredChannel: contactChannel().notNull().default('email'),
    mayBeInvited: boolean().notNull().default(false),
    maySeeSharedRecords: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.personId)],
);

/** The person's consent history: one row per change, never edited. */
export const consentChanges = pgTable(
  'consent_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkMemberId: uuid()
      .notNull()
      .references(() => networkMembers.id),
    mayBeInvited: boolean().notNull(),
    maySeeSharedRecords: boolean().notNull(),
    changedBy: uuid()
      .notNull()
      .references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.networkMemberId, t.changedAt)],
);

export const coreTeamAssignments = pgTable(
  'core_team_assignments',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: coreRole().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
  },
  (t) => [
    index().on(t.personId),
    index().on(t.userId),
    check('core_team_order', sql`${t.endsOn} is null or ${t.startsOn} <= ${t.endsOn}`),
  ],
);

export type Person = typeof people.$inferSelect;
export type NetworkMember = typeof networkMembers.$inferSelect;
export type CoreTeamAssignment = typeof coreTeamAssignments.$inferSelect;
