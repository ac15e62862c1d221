import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { hashToken } from '@/lib/invitations/token';
import { upcomingMeetingsForPractitioner } from '@/db/queries/meetings';
import { findSessionUser } from '@/db/queries/users';
import { DEMO_DAYS_AHEAD, DEMO_PASSWORD, DEMO_PRACTITIONER_EMAIL, isEmpty, seedDemoData } from './seed';
import * as s from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';

describe.each(engines)('demo data on %s', (engine) => {
  let database: TestDatabase;
  const now = new Date('2026-11-24T08:00:00Z');
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    expect(await isEmpty(database.db)).toBe(true);
    await database.db.transaction((tx) => seedDemoData(tx, now));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has a team of eight with two peer support workers, working patterns and leave', async () => {
    const { db } = database;
    const staff = await db.select({ discipline: s.users.discipline }).from(s.users);
    expect(staff).toHaveLength(8);
    expect(staff.filter((u) => u.discipline === 'peer_support_worker')).toHaveLength(2);
    expect((await db.select().from(s.workingPatterns)).length).toBeGreaterThan(30);
    expect((await db.select().from(s.absences)).length).toBeGreaterThan(0);
    expect(await isEmpty(db)).toBe(false);
  });

  it('has 25 people with networks of three to eight and a core team each', async () => {
    const { db } = database;
    const sizes = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.networkMembers)
      .groupBy(s.networkMembers.personId);
    expect(sizes).toHaveLength(25);
    for (const { n } of sizes) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
    }
    const core = await db
      .select({ n: sql<number>`count(distinct ${s.coreTeamAssignments.personId})::int` })
      .from(s.coreTeamAssignments);
    expect(core[0]?.n).toBe(25);
  });

  it('has six months of past meetings with attendance and four weeks ahead', async () => {
    const { db } = database;
    const past = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.meetings)
      .where(and(lt(s.meetings.startsAt, now), eq(s.meetings.status, 'held')));
    const future = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.meetings)
      .where(and(gt(s.meetings.startsAt, now), eq(s.meetings.status, 'scheduled')));
    const attended = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.meetingPractitioners)
      .where(eq(s.meetingPractitioners.attendance, 'attended'));
    expect(past[0]!.n).toBeGreaterThan(150);
    expect(future[0]!.n).toBeGreaterThan(40);
    expect(attended[0]!.n).toBeGreaterThan(past[0]!.n);
    const oldest = await db.select({ at: sql<Date>`min(${s.meetings.startsAt})` }).from(s.meetings);
    expect(now.getTime() - new Date(oldest[0]!.at).getTime()).toBeGreaterThan(150 * 24 * 3600 * 1000);
  });

  it(`books nothing and records no absence more than ${DEMO_DAYS_AHEAD} days ahead, so tests can use the days after`, async () => {
    const { db } = database;
    const limit = now.getTime() + (DEMO_DAYS_AHEAD + 1) * 86_400_000;
    const [meetingEnd] = await db
      .select({ at: sql<string>`max(${s.meetingPractitioners.busyTo})` })
      .from(s.meetingPractitioners);
    const [absenceEnd] = await db.select({ at: sql<string>`max(${s.absences.endsAt})` }).from(s.absences);
    expect(new Date(meetingEnd!.at).getTime()).toBeLessThan(limit);
    expect(new Date(absenceEnd!.at).getTime()).toBeLessThan(limit);
  });

  it('lets the demo practitioner sign in and see upcoming meetings', async () => {
    const { db } = database;
    const user = await verifyCredentials(db, DEMO_PRACTITIONER_EMAIL, DEMO_PASSWORD);
    expect(user).not.toBeNull();
    const session = await findSessionUser(db, user!.id);
    const upcoming = await upcomingMeetingsForPractitioner(
      db,
      { userId: user!.id, teamIds: session!.memberships.map((m) => m.teamId) },
      { from: now, until: new Date(now.getTime() + 14 * 24 * 3600 * 1000) },
    );
    expect(upcoming.length).toBeGreaterThan(3);
  });

  it('leaves three invitations waiting in the outbox, each to its invitee, with a link that opens their invitation', async () => {
    const { db } = database;
    const waiting = await db
      .select({ outbox: s.outbox, invitation: s.invitations, member: s.networkMembers, meeting: s.meetings })
      .from(s.outbox)
      .innerJoin(s.invitations, eq(s.invitations.id, s.outbox.invitationId))
      .innerJoin(s.networkMembers, eq(s.networkMembers.id, s.invitations.networkMemberId))
      .innerJoin(s.meetings, eq(s.meetings.id, s.outbox.meetingId));
    expect(waiting).toHaveLength(3);
    for (const row of waiting) {
      expect(row.outbox).toMatchObject({ status: 'pending', attempts: 0, toAddress: row.member.email });
      expect(row.invitation.meetingId).toBe(row.meeting.id);
      expect(row.meeting).toMatchObject({ status: 'scheduled' });
      expect(row.meeting.startsAt > now).toBe(true);
      const token = /\/invite\/([A-Za-z0-9_-]{43})$/m.exec(row.outbox.bodyText)?.[1];
      expect(token).toBeDefined();
      expect(hashToken(token!)).toBe(row.invitation.tokenHash);
    }
  });
});
