import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import * as s from '../schema';

/** Small builders for integration tests: each returns what it made. */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export async function makeTeam(db: Db, name = `Team ${unique()}`) {
  const [team] = await db.insert(s.teams).values({ name }).returning();
  return team!;
}

export async function makeUser(
  db: Db,
  values: Partial<typeof s.users.$inferInsert> & { teamId?: string; lead?: boolean } = {},
) {
  const { teamId, lead, ...rest } = values;
  const [user] = await db
    .insert(s.users)
    .values({
      email: `user-${unique()}@example.org`,
      name: 'Test Practitioner',
      passwordHash: 'not-a-real-hash',
      ...rest,
    })
    .returning();
  if (teamId) await db.insert(s.teamMembers).values({ teamId, userId: user!.id, lead: lead ?? false });
  return user!;
}

export async function makePerson(db: Db, teamId: string, values: Partial<typeof s.people.$inferInsert> = {}) {
  const [person] = await db
    .insert(s.people)
    .values({
      teamId,
      givenName: 'Robin',
      familyName: `Tester-${unique()}`,
      referralAt: new Date('2026-01-05T09:00:00Z'),
      ...values,
    })
    .returning();
  return person!;
}

/** A meeting with its practitioners' busy intervals (the meeting time plus `travelMinutes` either side). */
export async function makeMeeting(
  db: Db,
  args: {
    teamId: string;
    personId: string;
    userIds: string[];
    startsAt: Date;
    minutes?: number;
    travelMinutes?: number;
    status?: (typeof s.meetingStatus.enumValues)[number];
  },
) {
  const minutes = args.minutes ?? 60;
  const travel = (args.travelMinutes ?? 0) * 60_000;
  const endsAt = new Date(args.startsAt.getTime() + minutes * 60_000);
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(s.meetings)
      .values({
        teamId: args.teamId,
        personId: args.personId,
        kind: 'network',
        startsAt: args.startsAt,
        endsAt,
        locationKind: travel ? 'home' : 'clinic',
        status: args.status ?? 'scheduled',
      })
      .returning();
    await tx.insert(s.meetingPractitioners).values(
      args.userIds.map((userId) => ({
        meetingId: meeting!.id,
        userId,
        busyFrom: new Date(args.startsAt.getTime() - travel),
        busyTo: new Date(endsAt.getTime() + travel),
        active: args.status !== 'cancelled',
      })),
    );
    return meeting!;
  });
}
