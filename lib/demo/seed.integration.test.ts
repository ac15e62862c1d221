import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { fillInvitationLinks, invitationLinkMarker } from '@/lib/invitations/link-marker';
import { hashToken } from '@/lib/invitations/token';
import { upcomingMeetingsForPractitioner } from '@/db/queries/meetings';
import { meetingsToRecord } from '@/db/queries/records';
import { presentValues } from '@/db/schema/records';
import { findSessionUser } from '@/db/queries/users';
import {
  DEMO_DAYS_AHEAD,
  DEMO_FIRST_PERSON,
  DEMO_PASSWORD,
  DEMO_PRACTITIONER_EMAIL,
  isEmpty,
  seedDemoData,
} from './seed';
import * as s from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { groupBy } from '@/lib/group-by';

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

  it('records who came to every held meeting, in step with the practitioners’ attendance and the invitations', async () => {
    const { db } = database;
    const held = await db.select({ id: s.meetings.id }).from(s.meetings).where(eq(s.meetings.status, 'held'));
    const rows = await db.select().from(s.meetingAttendance);
    const byMeeting = groupBy(rows, (r) => r.meetingId);
    const came = (presence: string) => (presentValues as readonly string[]).includes(presence);
    for (const { id } of held) {
      const attendance = byMeeting.get(id) ?? [];
      expect(attendance.filter((r) => r.personId)).toHaveLength(1);
      const staff = attendance.filter((r) => r.userId && came(r.presence));
      expect(staff.length).toBeGreaterThan(0);
      expect(staff.map((r) => r.userId)).toContain(attendance[0]!.recordedBy);
    }
    expect(new Set(rows.map((r) => r.meetingId)).size).toBe(held.length);
    expect(new Set(rows.map((r) => r.presence))).toEqual(
      new Set(['came', 'came_late', 'left_early', 'remote', 'apologies', 'no_word']),
    );

    const practitioners = await db
      .select({ attendance: s.meetingPractitioners.attendance, presence: s.meetingAttendance.presence })
      .from(s.meetingPractitioners)
      .innerJoin(
        s.meetingAttendance,
        and(
          eq(s.meetingAttendance.meetingId, s.meetingPractitioners.meetingId),
          eq(s.meetingAttendance.userId, s.meetingPractitioners.userId),
        ),
      );
    expect(practitioners.length).toBeGreaterThan(held.length);
    for (const p of practitioners) expect(p.attendance).toBe(came(p.presence) ? 'attended' : 'absent');

    const invited = await db
      .select({ attended: s.invitations.attended, presence: s.meetingAttendance.presence })
      .from(s.invitations)
      .innerJoin(
        s.meetingAttendance,
        and(
          eq(s.meetingAttendance.meetingId, s.invitations.meetingId),
          sql`(${s.meetingAttendance.personId} = ${s.invitations.personId} or ${s.meetingAttendance.networkMemberId} = ${s.invitations.networkMemberId})`,
        ),
      );
    expect(invited.length).toBeGreaterThan(held.length);
    for (const i of invited) expect(i.attended).toBe(came(i.presence));
  });

  it('has signed records of most held meetings, some co-signed, whose voices and stances are only of those who came', async () => {
    const { db } = database;
    const [held] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.meetings)
      .where(eq(s.meetings.status, 'held'));
    const records = await db.select().from(s.meetingRecords);
    const signatures = await db.select().from(s.recordSignatures);
    const signed = records.filter((r) => signatures.some((sg) => sg.recordId === r.id && sg.kind === 'signed'));
    expect(records.every((r) => r.version === 1)).toBe(true);
    expect(signed.length).toBeGreaterThan(held!.n * 0.7);
    expect(signed.length).toBeLessThan(held!.n);
    const coSigned = signatures.filter((sg) => sg.kind === 'co_signed');
    expect(coSigned.length).toBeGreaterThan(signed.length * 0.3);
    for (const co of coSigned) {
      const first = signatures.find((sg) => sg.recordId === co.recordId && sg.kind === 'signed');
      expect(first).toBeDefined();
      expect(first!.signerId).not.toBe(co.signerId);
      expect(co.signedAt.getTime()).toBeGreaterThanOrEqual(first!.signedAt.getTime());
    }

    const attendance = await db
      .select()
      .from(s.meetingAttendance)
      .where(inArray(s.meetingAttendance.presence, [...presentValues]));
    const cameTo = new Map<string, Set<string>>();
    for (const a of attendance) {
      const key = a.userId ? `u:${a.userId}` : a.personId ? `p:${a.personId}` : `m:${a.networkMemberId}`;
      cameTo.set(a.meetingId, (cameTo.get(a.meetingId) ?? new Set()).add(key));
    }
    let disagreements = 0;
    for (const record of signed) {
      const came = cameTo.get(record.meetingId)!;
      const voices = record.content.voices.map((v) => v.key);
      expect(new Set(voices)).toEqual(came);
      expect(voices.every((v) => v && record.content.voices.find((x) => x.key === v)!.words.length > 0)).toBe(true);
      expect(came.has(`u:${record.authorId}`)).toBe(true);
      expect(signatures.filter((sg) => sg.recordId === record.id).every((sg) => came.has(`u:${sg.signerId}`))).toBe(
        true,
      );
      expect(record.content.decisions.length).toBeGreaterThanOrEqual(1);
      for (const decision of record.content.decisions) {
        expect(new Set(decision.stances.map((st) => st.key))).toEqual(came);
        for (const stance of decision.stances) if (stance.stance === 'disagrees') expect(stance.words).not.toBe('');
        disagreements += decision.stances.filter((st) => st.stance === 'disagrees').length;
      }
      expect(record.content.actions.length).toBeGreaterThanOrEqual(1);
      for (const day of [
        ...record.content.actions.map((a) => a.byWhen),
        ...record.content.openQuestions.map((q) => q.revisitOn),
      ])
        if (day !== null) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(disagreements).toBeGreaterThan(0);

    const shared = await db.select().from(s.recordShareChoices);
    expect(shared.length).toBeGreaterThan(signed.length * 0.4);
    expect(shared.length).toBeLessThan(signed.length * 0.8);
  });

  it('leaves the first person’s latest meetings with the demo practitioner to record, one as a draft, on Today’s list', async () => {
    const { db } = database;
    const [person] = await db
      .select({ id: s.people.id })
      .from(s.people)
      .where(
        and(eq(s.people.givenName, DEMO_FIRST_PERSON.givenName), eq(s.people.familyName, DEMO_FIRST_PERSON.familyName)),
      );
    const held = await db
      .select({
        id: s.meetings.id,
        records: sql<number>`(select count(*)::int from meeting_records r where r.meeting_id = meetings.id)`,
        signatures: sql<number>`(select count(*)::int from meeting_records r join record_signatures g on g.record_id = r.id where r.meeting_id = meetings.id)`,
      })
      .from(s.meetings)
      .where(and(eq(s.meetings.personId, person!.id), eq(s.meetings.status, 'held')));
    expect(held.filter((m) => m.records === 0).length).toBeGreaterThanOrEqual(2);
    expect(held.filter((m) => m.records === 1 && m.signatures === 0)).toHaveLength(1);

    const user = await verifyCredentials(db, DEMO_PRACTITIONER_EMAIL, DEMO_PASSWORD);
    const session = await findSessionUser(db, user!.id);
    const toRecord = await meetingsToRecord(
      db,
      user!.id,
      session!.memberships.map((m) => m.teamId),
      now,
    );
    const theirs = toRecord.filter((m) => m.personId === person!.id);
    expect(theirs.map((m) => m.hasDraft).sort()).toEqual([false, false, true]);
    // A short list, not a backlog: most recent meetings are recorded.
    expect(toRecord.length).toBeLessThan(12);
  });

  it('has the practitioners’ own fidelity ratings of all twelve elements for most recorded meetings', async () => {
    const { db } = database;
    const ratings = await db.select().from(s.fidelityRatings);
    const recorded = new Set(
      (await db.select({ id: s.meetingRecords.meetingId }).from(s.meetingRecords)).map((r) => r.id),
    );
    const rated = groupBy(ratings, (r) => `${r.meetingId} ${r.raterId}`);
    for (const group of rated.values())
      expect(new Set(group.map((r) => r.element))).toEqual(new Set(s.fidelityElements));
    const meetings = new Set(ratings.map((r) => r.meetingId));
    expect([...meetings].every((id) => recorded.has(id))).toBe(true);
    expect(meetings.size).toBeGreaterThan(recorded.size * 0.55);
    expect(meetings.size).toBeLessThan(recorded.size * 0.85);
    expect(ratings.some((r) => r.score === null)).toBe(true);
    expect(ratings.some((r) => r.note !== null)).toBe(true);
    expect(ratings.every((r) => r.score === null || (r.score >= 1 && r.score <= 3))).toBe(true);
    const came = await db
      .select({ meetingId: s.meetingAttendance.meetingId, userId: s.meetingAttendance.userId })
      .from(s.meetingAttendance)
      .where(inArray(s.meetingAttendance.presence, [...presentValues]));
    const there = new Set(came.map((c) => `${c.meetingId} ${c.userId}`));
    expect([...rated.keys()].every((k) => there.has(k))).toBe(true);
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
      // Stored, the email names the invitation; the link is made as it is sent or shown to staff.
      expect(row.outbox.bodyText).toContain(invitationLinkMarker(row.invitation.id));
      const sent = fillInvitationLinks(row.outbox.bodyText, row.outbox.invitationId, 'text');
      const token = /\/invite\/([A-Za-z0-9_-]{43})$/m.exec(sent)?.[1];
      expect(token).toBeDefined();
      expect(hashToken(token!)).toBe(row.invitation.tokenHash);
    }
  });
});
