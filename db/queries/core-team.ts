import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '@/lib/errors/app-error';
import type { AssignmentInput } from '@/lib/people/core-team-input';
import type { Db } from '../client';
import { coreTeamAssignments, teamMembers, users } from '../schema';
import { recordAudit } from './audit';

type Actor = { actorId: string; origin: string };
type PersonRef = { id: string; teamId: string };

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

export async function assignToCoreTeam(db: Db, person: PersonRef, input: AssignmentInput, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await tx
      .select({ name: users.name })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, person.teamId), eq(teamMembers.userId, input.userId), isNull(users.disabledAt)))
      .limit(1);
    if (!member[0])
      throw new AppError('invalid_input', 'Choose a practitioner from this team.', {
        fieldErrors: { userId: ['Choose a practitioner from the team'] },
      });
    const overlapping = await tx
      .select({ id: coreTeamAssignments.id })
      .from(coreTeamAssignments)
      .where(
        and(
          eq(coreTeamAssignments.personId, person.id),
          eq(coreTeamAssignments.userId, input.userId),
          sql`${coreTeamAssignments.startsOn} <= coalesce(${input.endsOn}::date, 'infinity'::date)`,
          sql`coalesce(${coreTeamAssignments.endsOn}, 'infinity'::date) >= ${input.startsOn}::date`,
        ),
      )
      .limit(1);
    if (overlapping[0]) {
      throw new AppError('invalid_input', `${member[0].name} is already on the core team for some of those dates.`, {
        fieldErrors: { userId: [`${member[0].name} is already on the core team for some of those dates`] },
      });
    }
    const [row] = await tx
      .insert(coreTeamAssignments)
      .values({
        personId: person.id,
        userId: input.userId,
        role: input.role,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      })
      .returning({ id: coreTeamAssignments.id });
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId: person.teamId,
      action: 'assign',
      entity: 'person',
      entityId: person.id,
      origin: actor.origin,
      detail: { assignmentId: row!.id, userId: input.userId, role: input.role },
    });
  });
}

export async function endCoreTeamAssignment(
  db: Db,
  person: PersonRef,
  assignmentId: string,
  endsOn: string,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ startsOn: coreTeamAssignments.startsOn })
      .from(coreTeamAssignments)
      .where(and(eq(coreTeamAssignments.id, assignmentId), eq(coreTeamAssignments.personId, person.id)))
      .limit(1);
    if (!current) throw new AppError('not_found');
    if (endsOn < current.startsOn) {
      throw new AppError('invalid_input', 'The last day cannot be before they joined.', {
        fieldErrors: { endsOn: ['The last day cannot be before they joined'] },
      });
    }
    await tx
      .update(coreTeamAssignments)
      .set({ endsOn })
      .where(and(eq(coreTeamAssignments.id, assignmentId), eq(coreTeamAssignments.personId, person.id)));
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId: person.teamId,
      action: 'end-assignment',
      entity: 'person',
      entityId: person.id,
      origin: actor.origin,
      detail: { assignmentId, endsOn },
    });
  });
}
