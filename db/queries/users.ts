import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { endedSessions, teamMembers, teams, users } from '../schema';

export async function findUserForSignIn(db: Db, email: string) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return rows[0];
}

export type Membership = { teamId: string; teamName: string; timeZone: string; lead: boolean };

/**
 * The signed-in user as every request sees them: no password hash, with their teams, the
 * version their sessions must carry, and whether the session `sessionId` was signed out. One
 * statement, so ending sessions costs a request nothing more.
 */
export async function findSessionUser(db: Db, id: string, sessionId?: string) {
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
      sessionVersion: users.sessionVersion,
      sessionEnded: sessionId
        ? sql<boolean>`exists (select 1 from ${endedSessions} where ${endedSessions.sessionId} = ${sessionId})`
        : sql<boolean>`false`,
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
    sessionVersion: first.sessionVersion,
    sessionEnded: first.sessionEnded,
    memberships,
  };
}

/**
 * Ends one session (its cookie's id) until the cookie would have expired; sessions that have
 * expired since are forgotten on the way, so the table stays as small as the signed-in.
 */
export async function endSession(
  db: Db,
  session: { sessionId: string; userId: string; expiresAt: Date },
  now = new Date(),
): Promise<void> {
  await db.delete(endedSessions).where(lt(endedSessions.expiresAt, now));
  await db.insert(endedSessions).values(session).onConflictDoNothing();
}

/** Ends every session the user has, on every device: the cookies carry the old version. */
export async function raiseSessionVersion(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

export async function createUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id, email: users.email });
  return row;
}
