import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { teamMembers, teams, users } from '../schema';

export async function findUserForSignIn(db: Db, email: string) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return rows[0];
}

export type Membership = { teamId: string; teamName: string; timeZone: string; lead: boolean };

/** The signed-in user as every request sees them: no password hash, with their teams. */
export async function findSessionUser(db: Db, id: string) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      discipline: users.discipline,
      timeZone: users.timeZone,
      disabledAt: users.disabledAt,
      teamId: teamMembers.teamId,
      teamName: teams.name,
      teamTimeZone: teams.timeZone,
      lead: teamMembers.lead,
    })
    .from(users)
    .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
    .leftJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(users.id, id));
  const first = rows[0];
  if (!first) return undefined;
  const memberships: Membership[] = rows.flatMap((r) =>
    r.teamId && r.teamName && r.teamTimeZone
      ? [{ teamId: r.teamId, teamName: r.teamName, timeZone: r.teamTimeZone, lead: r.lead ?? false }]
      : [],
  );
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    role: first.role,
    discipline: first.discipline,
    timeZone: first.timeZone,
    disabledAt: first.disabledAt,
    memberships,
  };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

export async function createUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id, email: users.email });
  return row;
}
