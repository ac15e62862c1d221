import { and, asc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Discipline, Role } from '@/lib/admin/labels';
import type { Db } from '../client';
import { teamMembers, teams, users } from '../schema';

/**
 * Practitioners and administrators as administrators manage them. Every query names its
 * columns: the password hash never leaves the database here. Permission is the caller's.
 */

export type AccountStatus = 'active' | 'invited' | 'disabled';

// Correlated subqueries name their tables outright: drizzle leaves a column unqualified when
// the outer query has one table, which inside a subquery would bind to the wrong table.
/** Invited: has been sent a set-password link and has never used one. */
const everInvited = sql<boolean>`exists (select 1 from "user_invites" ui where ui."user_id" = "users"."id")`;
const everSetPassword = sql<boolean>`exists (select 1 from "user_invites" ui where ui."user_id" = "users"."id" and ui."used_at" is not null)`;
const teamsOfUser = sql<{ id: string; name: string; lead: boolean }[]>`coalesce(
  (select json_agg(json_build_object('id', t."id", 'name', t."name", 'lead', tm."lead") order by t."name")
     from "team_members" tm join "teams" t on t."id" = tm."team_id"
    where tm."user_id" = "users"."id"), '[]'::json)`;
const onTeam = (teamId: string) =>
  sql`exists (select 1 from "team_members" tm where tm."user_id" = "users"."id" and tm."team_id" = ${teamId})`;

function statusOf(row: { disabledAt: Date | null; invited: boolean; setPassword: boolean }): AccountStatus {
  if (row.disabledAt) return 'disabled';
  return row.invited && !row.setPassword ? 'invited' : 'active';
}

/** What an administrator sees of an account: never the password hash. */
const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  discipline: users.discipline,
  timeZone: users.timeZone,
  disabledAt: users.disabledAt,
};

export type PractitionerFilter = { teamId?: string; search?: string };

/** Everyone with an account, by name, with their teams; optionally one team's, or matching a search. */
export async function listPractitioners(db: Db, filter: PractitionerFilter = {}) {
  const search = filter.search?.trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select({
      ...accountColumns,
      invited: everInvited,
      setPassword: everSetPassword,
      teams: teamsOfUser,
    })
    .from(users)
    .where(
      and(
        filter.teamId ? onTeam(filter.teamId) : undefined,
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  return rows.map(({ invited, setPassword, ...row }) => ({
    ...row,
    status: statusOf({ disabledAt: row.disabledAt, invited, setPassword }),
  }));
}

export type PractitionerRow = Awaited<ReturnType<typeof listPractitioners>>[number];

/** One account with its memberships, or undefined. */
export async function findPractitioner(db: Db, userId: string) {
  const rows = await db
    .select({
      ...accountColumns,
      createdAt: users.createdAt,
      invited: everInvited,
      setPassword: everSetPassword,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const memberships = await db
    .select({ teamId: teams.id, teamName: teams.name, lead: teamMembers.lead })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
  const { invited, setPassword, ...rest } = row;
  return { ...rest, status: statusOf({ disabledAt: row.disabledAt, invited, setPassword }), memberships };
}

export type Practitioner = NonNullable<Awaited<ReturnType<typeof findPractitioner>>>;

/** Whether another account already uses this email (emails are stored lower-case). */
export async function emailTaken(db: Db, email: string, exceptUserId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), exceptUserId ? ne(users.id, exceptUserId) : undefined))
    .limit(1);
  return rows.length > 0;
}

/** How many of these teams exist: to refuse a form naming a team that is not there. */
export async function countExistingTeams(db: Db, teamIds: string[]): Promise<number> {
  if (teamIds.length === 0) return 0;
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(teams)
    .where(inArray(teams.id, teamIds));
  return rows[0]?.n ?? 0;
}

export type NewAccount = {
  name: string;
  email: string;
  discipline: Discipline;
  role: Role;
  timeZone: string;
  passwordHash: string;
};

export async function insertAccount(db: Db, account: NewAccount, teamIds: string[]) {
  const [user] = await db
    .insert(users)
    .values(account)
    .returning({ id: users.id, name: users.name, email: users.email });
  if (teamIds.length) await db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId: user!.id })));
  return user!;
}

export type AccountDetails = { name: string; email: string; discipline: Discipline; role: Role; timeZone: string };

export async function updateAccountDetails(db: Db, userId: string, details: AccountDetails) {
  const [row] = await db.update(users).set(details).where(eq(users.id, userId)).returning({ id: users.id });
  return row;
}

/**
 * Disabling ends access at once: every request reloads the user and refuses a disabled one,
 * and the session version goes up, so turning access on again revives no session made before.
 */
export async function setDisabled(db: Db, userId: string, disabled: boolean, now = new Date()) {
  const [row] = await db
    .update(users)
    .set(disabled ? { disabledAt: now, sessionVersion: sql`${users.sessionVersion} + 1` } : { disabledAt: null })
    .where(and(eq(users.id, userId), disabled ? isNull(users.disabledAt) : isNotNull(users.disabledAt)))
    .returning({ id: users.id, disabledAt: users.disabledAt });
  return row;
}

/** Adds a membership, or updates the lead flag of an existing one. */
export async function upsertMembership(db: Db, userId: string, teamId: string, lead: boolean) {
  const [row] = await db
    .insert(teamMembers)
    .values({ userId, teamId, lead })
    .onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { lead } })
    .returning({ teamId: teamMembers.teamId, lead: teamMembers.lead });
  return row!;
}

export async function findMembership(db: Db, userId: string, teamId: string) {
  const rows = await db
    .select({ teamId: teamMembers.teamId, lead: teamMembers.lead, teamName: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.teamId, teamId)))
    .limit(1);
  return rows[0];
}

export async function deleteMembership(db: Db, userId: string, teamId: string) {
  const rows = await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.teamId, teamId)))
    .returning({ teamId: teamMembers.teamId });
  return rows.length > 0;
}
