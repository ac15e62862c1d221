import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AssignmentInput } from '@/lib/people/core-team-input';
import type { Db } from '../client';
import { coreTeamAssignments, teamMembers, users } from '../schema';

/** Every assignment, current and past, with who and what discipline. */
export async function coreTeamHistory(db: Db, personId: string) {
  return db
    .select({
      id: coreTeamAssignments.id,
      userId: coreTeamAssignments.userId,
      name: users.name,
      discipline: users.discipline,
      accessOff: sql<boolean>`${users.disabledAt} is not null`,
      role: coreTeamAssignments.role,
      startsOn: coreTeamAssignments.startsOn,
      endsOn: coreTeamAssignments.endsOn,
    })
    .from(coreTeamAssignments)
    .innerJoin(users, eq(users.id, coreTeamAssignments.userId))
    .where(eq(coreTeamAssignments.personId, personId))
    .orderBy(
      sql`${coreTeamAssignments.endsOn} is null desc`,
      desc(coreTeamAssignments.endsOn),
      desc(coreTeamAssignments.startsOn),
      asc(users.name),
    );
}

/** The practitioners of a team who can be chosen (not disabled). */
export async function teamPractitioners(db: Db, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, discipline: users.discipline })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/** The name of the team's practitioner who may join a core team (not disabled), if they are one. */
export async function assignablePractitioner(db: Db, teamId: string, userId: string) {
  const [member] = await db
    .select({ name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId), isNull(users.disabledAt)))
    .limit(1);
  return member;
}

/** Whether this practitioner is already on the person's core team for any of these dates. */
export async function overlapsAssignment(
  db: Db,
  personId: string,
  dates: Pick<AssignmentInput, 'userId' | 'startsOn' | 'endsOn'>,
): Promise<boolean> {
  const overlapping = await db
    .select({ id: coreTeamAssignments.id })
    .from(coreTeamAssignments)
    .where(
      and(
        eq(coreTeamAssignments.personId, personId),
        eq(coreTeamAssignments.userId, dates.userId),
        sql`${coreTeamAssignments.startsOn} <= coalesce(${dates.endsOn}::date, 'infinity'::date)`,
        sql`coalesce(${coreTeamAssignments.endsOn}, 'infinity'::date) >= ${dates.startsOn}::date`,
      ),
    )
    .limit(1);
  return overlapping.length > 0;
}

export async function insertCoreTeamAssignment(db: Db, personId: string, input: AssignmentInput): Promise<string> {
  const [row] = await db
    .insert(coreTeamAssignments)
    .values({ personId, userId: input.userId, role: input.role, startsOn: input.startsOn, endsOn: input.endsOn })
    .returning({ id: coreTeamAssignments.id });
  return row!.id;
}

/** One assignment of the person's core team, or undefined (another person's is not theirs). */
export async function coreTeamAssignment(db: Db, personId: string, assignmentId: string) {
  const [row] = await db
    .select({ startsOn: coreTeamAssignments.startsOn })
    .from(coreTeamAssignments)
    .where(and(eq(coreTeamAssignments.id, assignmentId), eq(coreTeamAssignments.personId, personId)))
    .limit(1);
  return row;
}

export async function setAssignmentEnd(db: Db, personId: string, assignmentId: string, endsOn: string): Promise<void> {
  await db
    .update(coreTeamAssignments)
    .set({ endsOn })
    .where(and(eq(coreTeamAssignments.id, assignmentId), eq(coreTeamAssignments.personId, personId)));
}
