import { relations } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { discipline, userRole } from './enums';

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  role: userRole().notNull().default('practitioner'),
  discipline: discipline().notNull().default('other'),
  timeZone: text().notNull().default('Europe/London'),
  disabledAt: timestamp({ withTimezone: true }),
  /**
   * Every session cookie carries the version it was made under; raising it ends them all at once
   * (sign out everywhere, a new password, access turned off), and lowering it never happens, so
   * turning access on again revives none.
   */
  sessionVersion: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Sessions signed out one at a time (the cookie's random id), so a copy of the cookie stops
 * working with it. Kept until the cookie would have expired anyway.
 */
export const endedSessions = pgTable(
  'ended_sessions',
  {
    sessionId: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('ended_sessions_expires_at').on(t.expiresAt)],
);

export const teams = pgTable('teams', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  timeZone: text().notNull().default('Europe/London'),
  /** Minutes kept free before and after a home or community visit for travel. */
  travelBufferMinutes: smallint().notNull().default(30),
  /** Hours before a meeting that invitees are reminded. */
  reminderHours: smallint().notNull().default(24),
  /** Hours of notice the slot search keeps by default (crisis meetings ignore it). */
  minimumNoticeHours: smallint().notNull().default(2),
  /** Days after a meeting that a personal link still opens its notes for reading. */
  recordLinkDays: smallint().notNull().default(90),
  /** Continuity flags: a first meeting later than this many hours after referral. */
  firstMeetingHours: smallint().notNull().default(24),
  /** Continuity flags: no meeting for this many days while active. */
  meetingGapDays: smallint().notNull().default(14),
  /** Continuity flags: a record still unsigned this many days after its meeting. */
  signWithinDays: smallint().notNull().default(3),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    lead: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index().on(t.userId)],
);

export const usersRelations = relations(users, ({ many }) => ({ memberships: many(teamMembers) }));
export const teamsRelations = relations(teams, ({ many }) => ({ members: many(teamMembers) }));
export const teamMembersRelations = relations(teamMembers, ({ one }) => ({
  team: one(teams, { fields: [teamMembers.teamId], references: [teams.id] }),
  user: one(users, { fields: [teamMembers.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Team = typeof teams.$inferSelect;

/** A one-time link for a new practitioner to choose their password (stored as a hash). */
export const welcomeLinks = pgTable(
  'user_invites',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);
