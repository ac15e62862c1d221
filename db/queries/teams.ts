import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { TeamInput } from '@/lib/admin/team-input';
import type { Db } from '../client';
import { teamMembers, teams, users } from '../schema';

/** Teams as administrators see and change them. Permission is checked by the caller. */

const teamColumns = {
  id: teams.id,
  name: teams.name,
  timeZone: teams.timeZone,
  travelBufferMinutes: teams.travelBufferMinutes,
  reminderHours: teams.reminderHours,
  minimumNoticeHours: teams.minimumNoticeHours,
  recordLinkDays: teams.recordLinkDays,
  firstMeetingHours: teams.firstMeetingHours,
  meetingGapDays: teams.meetingGapDays,
  signWithinDays: teams.signWithinDays,
};

/** Every team, by name, with how many active practitioners and leads it has. */
export async function listTeams(db: Db) {
  return db
    .select({
      ...teamColumns,
      members: sql<number>`count(${users.id})::int`,
      leads: sql<number>`count(${users.id}) filter (where ${teamMembers.lead})::int`,
    })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .leftJoin(users, and(eq(users.id, teamMembers.userId), isNull(users.disabledAt)))
    .groupBy(teams.id)
    .orderBy(asc(teams.name), asc(teams.id));
}

export type TeamSummary = Awaited<ReturnType<typeof listTeams>>[number];

/** Names and ids, for choosing teams in a form. */
export async function teamChoices(db: Db) {
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id));
}

export async function findTeam(db: Db, teamId: string) {
  const rows = await db.select(teamColumns).from(teams).where(eq(teams.id, teamId)).limit(1);
  return rows[0];
}

export type TeamSettings = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/** The team's practitioners (disabled ones too, marked), leads first. */
export async function teamRoster(db: Db, teamId: string) {
  return db
    .select({
      id: users.id,
      name: users.name,
      discipline: users.discipline,
      lead: teamMembers.lead,
      disabledAt: users.disabledAt,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(sql`${teamMembers.lead} desc`, asc(users.name));
}

/** Whether another team already has this name (ignoring case), so names stay unambiguous. */
export async function teamNameTaken(db: Db, name: string, exceptTeamId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(sql`lower(${teams.name}) = lower(${name})`, exceptTeamId ? ne(teams.id, exceptTeamId) : undefined))
    .limit(1);
  return rows.length > 0;
}

export async function insertTeam(db: Db, input: TeamInput) {
  const [row] = await db.insert(teams).values(input).returning(teamColumns);
  return row!;
}

export async function updateTeam(db: Db, teamId: string, input: TeamInput) {
  const [row] = await db.update(teams).set(input).where(eq(teams.id, teamId)).returning(teamColumns);
  return row;
}

/** The figures on the administration overview. */
export async function administrationCounts(db: Db) {
  const [teamCount] = await db.select({ n: count() }).from(teams);
  const [people] = await db
    .select({
      active: sql<number>`count(*) filter (where ${users.disabledAt} is null)::int`,
      disabled: sql<number>`count(*) filter (where ${users.disabledAt} is not null)::int`,
      admins: sql<number>`count(*) filter (where ${users.disabledAt} is null and ${users.role} = 'admin')::int`,
    })
    .from(users);
  return {
    teams: teamCount?.n ?? 0,
    active: people?.active ?? 0,
    disabled: people?.disabled ?? 0,
    admins: people?.admins ?? 0,
  };
}
