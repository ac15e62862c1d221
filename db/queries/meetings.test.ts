import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingPractitioners } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '../testing/factories';
import { upcomingMeetingsForPractitioner } from './meetings';
import { insertAbsence } from './working-time';

describe.each(engines)('upcoming meetings on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const now = new Date('2026-11-24T08:00:00Z');
  const window = { from: now, until: new Date('2026-12-08T08:00:00Z') };

  it('shows my scheduled meetings with the colleagues coming, in time order, scoped to my teams', async () => {
    const { db } = database;
    const mine = await makeTeam(db, 'Riverside');
    const other = await makeTeam(db, 'Hillside');
    const me = await makeUser(db, { teamId: mine.id, name: 'Alex Morgan' });
    const peer = await makeUser(db, { teamId: mine.id, name: 'Sam Patel', discipline: 'peer_support_worker' });
    const stranger = await makeUser(db, { teamId: other.id, name: 'Other Team' });
    const robin = await makePerson(db, mine.id, { givenName: 'Robin', familyName: 'Ashworth' });
    const kit = await makePerson(db, mine.id, { givenName: 'Kit', familyName: 'Oakley', preferredName: 'Kitty' });
    const elsewhere = await makePerson(db, other.id, { givenName: 'Hidden', familyName: 'Person' });

    const later = await makeMeeting(db, {
      teamId: mine.id,
      personId: robin.id,
      userIds: [me.id, peer.id],
      startsAt: new Date('2026-11-26T10:00:00Z'),
    });
    const sooner = await makeMeeting(db, {
      teamId: mine.id,
      personId: kit.id,
      userIds: [me.id],
      startsAt: new Date('2026-11-25T10:00:00Z'),
    });
    // Not shown: in the past, cancelled, beyond the window, someone else's, and another team's
    // meeting that lists me (I am not on that team, so I must not see its person).
    await makeMeeting(db, {
      teamId: mine.id,
      personId: robin.id,
      userIds: [me.id],
      startsAt: new Date('2026-11-20T10:00:00Z'),
      status: 'held',
    });
    await makeMeeting(db, {
      teamId: mine.id,
      personId: robin.id,
      userIds: [me.id],
      startsAt: new Date('2026-11-27T10:00:00Z'),
      status: 'cancelled',
    });
    await makeMeeting(db, {
      teamId: mine.id,
      personId: robin.id,
      userIds: [me.id],
      startsAt: new Date('2026-12-20T10:00:00Z'),
    });
    await makeMeeting(db, {
      teamId: mine.id,
      personId: robin.id,
      userIds: [peer.id],
      startsAt: new Date('2026-11-28T10:00:00Z'),
    });
    await makeMeeting(db, {
      teamId: other.id,
      personId: elsewhere.id,
      userIds: [me.id, stranger.id],
      startsAt: new Date('2026-11-29T10:00:00Z'),
    });

    const result = await upcomingMeetingsForPractitioner(db, { userId: me.id, teamIds: [mine.id] }, window);
    expect(result.map((m) => m.id)).toEqual([sooner.id, later.id]);
    expect(result[0]?.person.preferredName).toBe('Kitty');
    expect(result[0]?.colleagues).toEqual([]);
    expect(result[1]?.colleagues).toEqual([{ name: 'Sam Patel', discipline: 'peer_support_worker' }]);
    expect(result.some((m) => m.person.givenName === 'Hidden')).toBe(false);
  });

  it('includes a meeting that is under way and shows nothing without a team', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const me = await makeUser(db, { teamId: team.id });
    const person = await makePerson(db, team.id);
    const ongoing = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [me.id],
      startsAt: new Date('2026-11-24T07:30:00Z'),
    });
    expect(
      (await upcomingMeetingsForPractitioner(db, { userId: me.id, teamIds: [team.id] }, window)).map((m) => m.id),
    ).toEqual([ongoing.id]);
    expect(await upcomingMeetingsForPractitioner(db, { userId: me.id, teamIds: [] }, window)).toEqual([]);
  });

  it('marks a meeting still to come whose required practitioner is away then, me as “you”, with the person to link to', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const me = await makeUser(db, { teamId: team.id, name: 'Alex Morgan' });
    const sam = await makeUser(db, { teamId: team.id, name: 'Sam Patel' });
    const priya = await makeUser(db, { teamId: team.id, name: 'Priya Shah' });
    const person = await makePerson(db, team.id);
    // Under way at 08:00 with Sam off sick today: too late to move, so not marked.
    const ongoing = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [me.id, sam.id],
      startsAt: new Date('2026-11-24T07:30:00Z'),
    });
    const samAway = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [me.id, sam.id],
      startsAt: new Date('2026-11-24T14:00:00Z'),
    });
    const priyaIfFree = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [me.id, priya.id],
      startsAt: new Date('2026-11-26T10:00:00Z'),
    });
    await db
      .update(meetingPractitioners)
      .set({ role: 'optional' })
      .where(and(eq(meetingPractitioners.meetingId, priyaIfFree.id), eq(meetingPractitioners.userId, priya.id)));
    const meAway = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [me.id, sam.id],
      startsAt: new Date('2026-12-02T10:00:00Z'),
    });
    await insertAbsence(db, {
      userId: sam.id,
      startsAt: new Date('2026-11-24T00:00:00Z'),
      endsAt: new Date('2026-11-25T00:00:00Z'),
      reason: 'sickness',
      note: null,
    });
    await insertAbsence(db, {
      userId: priya.id,
      startsAt: new Date('2026-11-26T00:00:00Z'),
      endsAt: new Date('2026-11-27T00:00:00Z'),
      reason: 'leave',
      note: null,
    });
    await insertAbsence(db, {
      userId: me.id,
      startsAt: new Date('2026-12-01T00:00:00Z'),
      endsAt: new Date('2026-12-03T00:00:00Z'),
      reason: 'training',
      note: null,
    });

    const result = await upcomingMeetingsForPractitioner(db, { userId: me.id, teamIds: [team.id] }, window);
    expect(result.map((m) => [m.id, m.personId, m.away])).toEqual([
      [ongoing.id, person.id, []],
      [samAway.id, person.id, [{ name: 'Sam Patel', you: false }]],
      [priyaIfFree.id, person.id, []],
      [meAway.id, person.id, [{ name: 'Alex Morgan', you: true }]],
    ]);
  });
});
