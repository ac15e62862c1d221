import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, sqlState, toAppError } from '@/lib/errors/app-error';
import { auditEvents, invitations, meetingRecords, meetings, networkMembers, recordSignatures } from './schema';
import { engines, openTestDatabase, type TestDatabase } from './testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from './testing/factories';

/** What must never happen is refused by the database itself, on both engines. */
describe.each(engines)('database integrity on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function setting() {
    const { db } = database;
    const team = await makeTeam(db);
    const alice = await makeUser(db, { teamId: team.id, name: 'Alice' });
    const bo = await makeUser(db, { teamId: team.id, name: 'Bo' });
    const person = await makePerson(db, team.id);
    return { db, team, alice, bo, person };
  }

  async function failure(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (error) {
      return toAppError(error);
    }
    throw new Error('expected the database to refuse this');
  }

  it('refuses an overlapping booking for one practitioner with a message a person can act on', async () => {
    const { db, team, alice, person } = await setting();
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-01T10:00:00Z'),
    });
    const error = await failure(
      makeMeeting(db, {
        teamId: team.id,
        personId: person.id,
        userIds: [alice.id],
        startsAt: new Date('2026-12-01T10:30:00Z'),
      }),
    );
    expect(error.code).toBe('slot_taken');
    expect(error.message).toMatch(/just taken/);
    // The refused booking left nothing behind: its transaction rolled back whole.
    const rows = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.personId, person.id));
    expect(rows).toHaveLength(1);
  });

  it('accepts back-to-back meetings and the same time for different practitioners', async () => {
    const { db, team, alice, bo, person } = await setting();
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-02T10:00:00Z'),
    });
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-02T11:00:00Z'),
    });
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [bo.id],
      startsAt: new Date('2026-12-02T10:00:00Z'),
    });
    const rows = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.personId, person.id));
    expect(rows).toHaveLength(3);
  });

  it('counts travel time around home visits as busy', async () => {
    const { db, team, alice, person } = await setting();
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-03T10:00:00Z'),
      travelMinutes: 30,
    });
    const error = await failure(
      makeMeeting(db, {
        teamId: team.id,
        personId: person.id,
        userIds: [alice.id],
        startsAt: new Date('2026-12-03T11:15:00Z'),
      }),
    );
    expect(error.code).toBe('slot_taken');
  });

  it('frees the time when a meeting is cancelled', async () => {
    const { db, team, alice, person } = await setting();
    const first = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-04T10:00:00Z'),
    });
    await db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, first.id));
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-04T10:00:00Z'),
    });
    // Restoring the cancelled meeting would now double-book Alice, so the database refuses it.
    const error = await failure(db.update(meetings).set({ status: 'scheduled' }).where(eq(meetings.id, first.id)));
    expect(error.code).toBe('slot_taken');
  });

  it('lets exactly one of many simultaneous bookings of the same time succeed', async () => {
    const { db, team, alice, person } = await setting();
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        makeMeeting(db, {
          teamId: team.id,
          personId: person.id,
          userIds: [alice.id],
          startsAt: new Date(Date.UTC(2026, 11, 7, 10, i)),
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of attempts) if (a.status === 'rejected') expect(toAppError(a.reason).code).toBe('slot_taken');
  });

  it('keeps audit events append-only', async () => {
    const { db, team, alice } = await setting();
    const [event] = await db
      .insert(auditEvents)
      .values({ actorId: alice.id, teamId: team.id, action: 'read', entity: 'person', entityId: 'p1' })
      .returning();
    expect(
      (await failure(db.update(auditEvents).set({ action: 'nothing' }).where(eq(auditEvents.id, event!.id)))).code,
    ).toBe('append_only');
    expect((await failure(db.delete(auditEvents).where(eq(auditEvents.id, event!.id)))).code).toBe('append_only');
    expect((await failure(db.execute(sql`truncate audit_events`))).code).toBe('append_only');
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.id, event!.id));
    expect(rows[0]?.action).toBe('read');
  });

  it('refuses a second invitation for the same invitee to the same meeting, the person or a network member', async () => {
    const { db, team, alice, person } = await setting();
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-08T10:00:00Z'),
    });
    const other = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-09T10:00:00Z'),
    });
    const [member] = await db
      .insert(networkMembers)
      .values({
        personId: person.id,
        givenName: 'Maria',
        relationship: 'parent',
        kind: 'family',
        closeness: 'inner',
        mayBeInvited: true,
      })
      .returning();
    let hash = 0;
    const invite = (meetingId: string, invitee: { personId: string } | { networkMemberId: string }) =>
      db
        .insert(invitations)
        .values({ meetingId, ...invitee, tokenHash: `hash-${hash++}`, expiresAt: new Date('2026-12-10T00:00:00Z') });
    await invite(meeting.id, { personId: person.id });
    await invite(meeting.id, { networkMemberId: member!.id });

    const again = await failure(invite(meeting.id, { personId: person.id }));
    expect(again.code).toBe('conflict');
    expect(sqlState(again.cause)).toEqual({ code: '23505', constraint: 'invitations_meeting_person_unique' });
    const memberAgain = await failure(invite(meeting.id, { networkMemberId: member!.id }));
    expect(sqlState(memberAgain.cause)).toEqual({ code: '23505', constraint: 'invitations_meeting_member_unique' });
    // A link turned off no longer counts: the invitee can be sent a new one (a new row, a new
    // token), and then that is their one live invitation again.
    await db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.networkMemberId, member!.id));
    await invite(meeting.id, { networkMemberId: member!.id });
    expect(sqlState((await failure(invite(meeting.id, { networkMemberId: member!.id }))).cause)).toEqual({
      code: '23505',
      constraint: 'invitations_meeting_member_unique',
    });

    // The same invitees may of course be invited to another meeting.
    await invite(other.id, { personId: person.id });
    await invite(other.id, { networkMemberId: member!.id });
    const rows = await db
      .select({ meetingId: invitations.meetingId })
      .from(invitations)
      .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
      .where(eq(meetings.personId, person.id));
    expect(rows).toHaveLength(5);
  });

  it('keeps meeting record versions immutable once written and signed', async () => {
    const { db, team, alice, bo, person } = await setting();
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alice.id],
      startsAt: new Date('2026-12-05T10:00:00Z'),
    });
    const content = {
      voices: [{ key: `u:${alice.id}`, name: 'Alice', words: 'I want to sleep better.' }],
      reflections: { held: null, said: '', response: '' },
      decisions: [],
      openQuestions: [],
      actions: [],
      nextMeeting: { when: '', where: '', who: '' },
    };
    const [signed] = await db
      .insert(meetingRecords)
      .values({ meetingId: meeting.id, version: 1, content, authorId: alice.id })
      .returning();
    const edit = db.update(meetingRecords).set({ readBackWithPerson: true }).where(eq(meetingRecords.id, signed!.id));
    expect((await failure(edit)).code).toBe('append_only');
    // Versions follow one another.
    const skipped = db
      .insert(meetingRecords)
      .values({ meetingId: meeting.id, version: 3, content, authorId: alice.id });
    expect((await failure(skipped)).code).toBe('append_only');
    // A co-signature needs the signature first.
    const early = db.insert(recordSignatures).values({ recordId: signed!.id, signerId: bo.id, kind: 'co_signed' });
    expect((await failure(early)).code).toBe('append_only');
    await db.insert(recordSignatures).values({ recordId: signed!.id, signerId: alice.id, kind: 'signed' });
    const unsign = db.delete(recordSignatures).where(eq(recordSignatures.recordId, signed!.id));
    expect((await failure(unsign)).code).toBe('append_only');
    // Once signed, a new version is only an amendment with its reason.
    const plain = db.insert(meetingRecords).values({ meetingId: meeting.id, version: 2, content, authorId: alice.id });
    expect((await failure(plain)).code).toBe('append_only');
    await db.insert(meetingRecords).values({
      meetingId: meeting.id,
      version: 2,
      content,
      authorId: alice.id,
      amendmentReason: 'Robin asked to add a word',
    });
    // The original, now superseded, can no longer be signed.
    const late = db.insert(recordSignatures).values({ recordId: signed!.id, signerId: bo.id, kind: 'co_signed' });
    expect((await failure(late)).code).toBe('append_only');
    expect(await db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meeting.id))).toHaveLength(2);
  });
});
