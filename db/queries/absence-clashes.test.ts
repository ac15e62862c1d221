import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wholeDaysToInterval } from '@/lib/working-time/absence-days';
import type { Db } from '../client';
import { meetingPractitioners } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '../testing/factories';
import { bookedMeetingsDuring, practitionersAwayDuringMeeting, requiredPractitionersAway } from './absence-clashes';
import { insertAbsence } from './working-time';

const zone = 'Europe/London';
const at = (iso: string) => new Date(iso);

/** Makes a practitioner "if free" (optional) in a meeting; the factory books everyone as required. */
async function makeOptional(db: Db, meetingId: string, userId: string) {
  await db
    .update(meetingPractitioners)
    .set({ role: 'optional' })
    .where(and(eq(meetingPractitioners.meetingId, meetingId), eq(meetingPractitioners.userId, userId)));
}

describe.each(engines)('absences over booked meetings on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  // Leave from Monday 7 to Tuesday 8 December 2026 (GMT), recorded on Tuesday 24 November.
  const now = at('2026-11-24T08:00:00Z');
  const leave = wholeDaysToInterval('2026-12-07', '2026-12-08', zone);

  it('finds the practitioner’s booked meetings still to come inside the absence, earliest first, on any team, with their role', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const otherTeam = await makeTeam(db);
    const sam = await makeUser(db, { teamId: team.id, name: 'Sam Patel' });
    const alex = await makeUser(db, { teamId: team.id, name: 'Alex Morgan' });
    const robin = await makePerson(db, team.id, { givenName: 'Robin' });
    const kit = await makePerson(db, otherTeam.id, { givenName: 'Katherine', preferredName: 'Kit' });

    const tuesday = await makeMeeting(db, {
      teamId: team.id,
      personId: robin.id,
      userIds: [sam.id, alex.id],
      startsAt: at('2026-12-08T14:00:00Z'),
    });
    const monday = await makeMeeting(db, {
      teamId: otherTeam.id,
      personId: kit.id,
      userIds: [sam.id],
      startsAt: at('2026-12-07T09:30:00Z'),
      minutes: 90,
    });
    const ifFree = await makeMeeting(db, {
      teamId: team.id,
      personId: robin.id,
      userIds: [alex.id, sam.id],
      startsAt: at('2026-12-07T13:00:00Z'),
    });
    await makeOptional(db, ifFree.id, sam.id);
    // Starts before the absence and runs into it: still a clash.
    const acrossMidnight = await makeMeeting(db, {
      teamId: team.id,
      personId: robin.id,
      userIds: [sam.id],
      startsAt: at('2026-12-06T23:30:00Z'),
    });

    const found = await bookedMeetingsDuring(db, { userId: sam.id, ...leave, now });
    expect(found.map((m) => [m.meetingId, m.role])).toEqual([
      [acrossMidnight.id, 'required'],
      [monday.id, 'required'],
      [ifFree.id, 'optional'],
      [tuesday.id, 'required'],
    ]);
    expect(found[1]).toEqual({
      meetingId: monday.id,
      personId: kit.id,
      personGivenName: 'Katherine',
      personPreferredName: 'Kit',
      startsAt: at('2026-12-07T09:30:00Z'),
      endsAt: at('2026-12-07T11:00:00Z'),
      timeZone: 'Europe/London',
      role: 'required',
    });
    // Alex, in two of them, is not away.
    expect(
      await bookedMeetingsDuring(db, {
        userId: alex.id,
        startsAt: at('2026-12-20T00:00:00Z'),
        endsAt: at('2026-12-21T00:00:00Z'),
        now,
      }),
    ).toEqual([]);
  });

  it('leaves out back-to-back meetings, cancelled and held ones, those already started, and other practitioners’ meetings', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const sam = await makeUser(db, { teamId: team.id, name: 'Sam Patel' });
    const priya = await makeUser(db, { teamId: team.id, name: 'Priya Shah' });
    const person = await makePerson(db, team.id);
    const book = (startsAt: string, extra: Partial<Parameters<typeof makeMeeting>[1]> = {}) =>
      makeMeeting(db, { teamId: team.id, personId: person.id, userIds: [sam.id], startsAt: at(startsAt), ...extra });

    // Ends at the midnight the absence starts, and starts at the midnight it ends.
    await book('2026-12-06T23:00:00Z');
    await book('2026-12-09T00:00:00Z');
    await book('2026-12-07T10:00:00Z', { status: 'cancelled' });
    await book('2026-12-07T12:00:00Z', { status: 'held' });
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [priya.id],
      startsAt: at('2026-12-07T10:00:00Z'),
    });
    const booked = await book('2026-12-08T10:00:00Z');

    expect((await bookedMeetingsDuring(db, { userId: sam.id, ...leave, now })).map((m) => m.meetingId)).toEqual([
      booked.id,
    ]);
    // Sickness recorded at 10:30 on the day: the 10:00 meeting is under way and cannot be moved, so only later ones count.
    const later = await book('2026-12-08T15:00:00Z');
    expect(
      (await bookedMeetingsDuring(db, { userId: sam.id, ...leave, now: at('2026-12-08T10:30:00Z') })).map(
        (m) => m.meetingId,
      ),
    ).toEqual([later.id]);
    // An absence wholly in the past finds nothing.
    expect(await bookedMeetingsDuring(db, { userId: sam.id, ...leave, now: at('2026-12-10T09:00:00Z') })).toEqual([]);
    // A home visit whose travel time, not the meeting itself, reaches into the absence.
    const leah = await makeUser(db, { teamId: team.id, name: 'Leah Novak' });
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [leah.id],
      startsAt: at('2026-12-06T22:30:00Z'),
      travelMinutes: 45,
    });
    await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [leah.id],
      startsAt: at('2026-12-09T00:30:00Z'),
      travelMinutes: 45,
    });
    expect(await bookedMeetingsDuring(db, { userId: leah.id, ...leave, now })).toEqual([]);
  });

  it('tells a meeting’s page who from the team is away then, with the reason, required or if free', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const sam = await makeUser(db, { teamId: team.id, name: 'Sam Patel' });
    const jo = await makeUser(db, { teamId: team.id, name: 'Jo Whitfield' });
    const alex = await makeUser(db, { teamId: team.id, name: 'Alex Morgan' });
    const tom = await makeUser(db, { teamId: team.id, name: 'Tom Reilly' });
    const person = await makePerson(db, team.id);
    const meeting = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [sam.id, jo.id, alex.id, tom.id],
      startsAt: at('2026-12-07T23:00:00Z'),
      minutes: 120,
    });
    await makeOptional(db, meeting.id, jo.id);
    await insertAbsence(db, { userId: sam.id, ...leave, reason: 'leave', note: 'Private note' });
    await insertAbsence(db, {
      userId: jo.id,
      ...wholeDaysToInterval('2026-12-07', '2026-12-07', zone),
      reason: 'training',
      note: null,
    });
    // Across midnight into two back-to-back absences: said once, by the first.
    await insertAbsence(db, {
      userId: tom.id,
      ...wholeDaysToInterval('2026-12-07', '2026-12-07', zone),
      reason: 'sickness',
      note: null,
    });
    await insertAbsence(db, {
      userId: tom.id,
      ...wholeDaysToInterval('2026-12-08', '2026-12-08', zone),
      reason: 'other',
      note: null,
    });
    // Alex's absence begins when the meeting ends: back to back, no clash.
    await insertAbsence(db, {
      userId: alex.id,
      startsAt: at('2026-12-08T01:00:00Z'),
      endsAt: at('2026-12-09T00:00:00Z'),
      reason: 'leave',
      note: null,
    });

    const away = await practitionersAwayDuringMeeting(db, meeting.id);
    const byUser = (a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId);
    expect([...away].sort(byUser)).toEqual(
      [
        { userId: sam.id, role: 'required', reason: 'leave' },
        { userId: jo.id, role: 'optional', reason: 'training' },
        { userId: tom.id, role: 'required', reason: 'sickness' },
      ].sort(byUser),
    );
  });

  it('marks Today’s meetings whose required practitioners are away, in one query for the whole list', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const sam = await makeUser(db, { teamId: team.id, name: 'Sam Patel' });
    const priya = await makeUser(db, { teamId: team.id, name: 'Priya Shah' });
    const alex = await makeUser(db, { teamId: team.id, name: 'Alex Morgan' });
    const person = await makePerson(db, team.id);
    const both = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id, sam.id, priya.id],
      startsAt: at('2026-12-07T10:00:00Z'),
    });
    const samIfFree = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id, sam.id],
      startsAt: at('2026-12-08T10:00:00Z'),
    });
    await makeOptional(db, samIfFree.id, sam.id);
    const backToBack = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id, sam.id],
      startsAt: at('2026-12-09T00:00:00Z'),
    });
    const nobodyAway = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [alex.id, priya.id],
      startsAt: at('2026-12-10T10:00:00Z'),
    });
    await insertAbsence(db, { userId: sam.id, ...leave, reason: 'leave', note: null });
    await insertAbsence(db, {
      userId: priya.id,
      ...wholeDaysToInterval('2026-12-07', '2026-12-07', zone),
      reason: 'sickness',
      note: null,
    });

    const away = await requiredPractitionersAway(db, [both.id, samIfFree.id, backToBack.id, nobodyAway.id]);
    expect(away).toEqual([
      { meetingId: both.id, userId: priya.id, name: 'Priya Shah' },
      { meetingId: both.id, userId: sam.id, name: 'Sam Patel' },
    ]);
    expect(await requiredPractitionersAway(db, [])).toEqual([]);
  });
});
