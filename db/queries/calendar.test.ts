import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekContaining } from '@/lib/calendar/week';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '../testing/factories';
import { absences, meetings, teamMembers } from '../schema';
import { practitionerWeek, teamWeek } from './calendar';

// The week of the last Sunday of March 2026: Monday 23 March 00:00 GMT to Monday 30 March 00:00 BST.
const week = weekContaining('2026-03-26', 'Europe/London');
const at = (iso: string) => new Date(iso);

describe.each(engines)('the week calendar queries on %s', (engine) => {
  let database: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    const teamA = await makeTeam(db, 'Calendar A');
    const teamB = await makeTeam(db, 'Calendar B');
    ids.teamA = teamA.id;
    ids.teamB = teamB.id;
    const ann = await makeUser(db, { teamId: teamA.id, name: 'Ann Avery' });
    const bea = await makeUser(db, { teamId: teamA.id, name: 'Bea Brook' });
    // Bea is on both teams.
    await db.insert(teamMembers).values({ teamId: teamB.id, userId: bea.id });
    const gone = await makeUser(db, { teamId: teamA.id, name: 'Cal Gone', disabledAt: at('2026-01-01T00:00:00Z') });
    const bob = await makeUser(db, { teamId: teamB.id, name: 'Bob Other' });
    Object.assign(ids, { ann: ann.id, bea: bea.id, gone: gone.id, bob: bob.id });
    const personA = await makePerson(db, teamA.id, { givenName: 'Robin', familyName: 'Hart', preferredName: 'Rob' });
    const personB = await makePerson(db, teamB.id, { givenName: 'Secret', familyName: 'Person' });
    ids.personA = personA.id;

    const meet = async (name: string, args: Parameters<typeof makeMeeting>[1]) => {
      ids[name] = (await makeMeeting(db, args)).id;
    };
    // Wednesday, both of team A, a home visit with travel either side.
    await meet('together', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [ann.id, bea.id],
      startsAt: at('2026-03-25T10:00:00Z'),
      travelMinutes: 30,
    });
    await meet('cancelled', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [ann.id],
      startsAt: at('2026-03-26T10:00:00Z'),
      status: 'cancelled',
    });
    await meet('held', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [ann.id],
      startsAt: at('2026-03-23T09:00:00Z'),
      status: 'held',
    });
    await meet('weekBefore', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [ann.id],
      startsAt: at('2026-03-20T10:00:00Z'),
    });
    // Sunday night into Monday 23 March: crosses the week's start.
    await meet('intoWeek', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [bea.id],
      startsAt: at('2026-03-22T23:30:00Z'),
    });
    // Sunday 29 March 23:30 BST into Monday: crosses the week's end.
    await meet('outOfWeek', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [bea.id],
      startsAt: at('2026-03-29T22:30:00Z'),
    });
    // Monday 30 March 00:00 BST: the next week.
    await meet('nextWeek', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [ann.id],
      startsAt: at('2026-03-29T23:00:00Z'),
    });
    // Team B's meetings: Bob's is not team A's business; Bea's shows her busy.
    await meet('bobs', {
      teamId: teamB.id,
      personId: personB.id,
      userIds: [bob.id],
      startsAt: at('2026-03-25T10:00:00Z'),
    });
    await meet('beasOther', {
      teamId: teamB.id,
      personId: personB.id,
      userIds: [bea.id],
      startsAt: at('2026-03-26T14:00:00Z'),
    });
    await meet('gones', {
      teamId: teamA.id,
      personId: personA.id,
      userIds: [gone.id],
      startsAt: at('2026-03-24T10:00:00Z'),
    });

    const away = await db
      .insert(absences)
      .values([
        // Thursday 19 to Monday 23 March included: spans the week's start.
        {
          userId: ann.id,
          startsAt: at('2026-03-19T00:00:00Z'),
          endsAt: at('2026-03-24T00:00:00Z'),
          reason: 'leave',
          note: 'Family wedding',
        },
        {
          userId: ann.id,
          startsAt: at('2026-04-06T23:00:00Z'),
          endsAt: at('2026-04-08T23:00:00Z'),
          reason: 'training',
        },
        {
          userId: bob.id,
          startsAt: at('2026-03-24T00:00:00Z'),
          endsAt: at('2026-03-25T00:00:00Z'),
          reason: 'sickness',
        },
      ])
      .returning({ id: absences.id });
    ids.annLeave = away[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const name = (id: string) => Object.entries(ids).find(([, value]) => value === id)?.[0];

  it('lists the team’s practitioners who still have access, by name', async () => {
    const result = await teamWeek(database.db, ids.teamA!, [ids.teamA!], week);
    expect(result.practitioners.map((p) => p.name)).toEqual(['Ann Avery', 'Bea Brook']);
  });

  it('returns only the team’s practitioners’ meetings overlapping the week, cancelled ones left out', async () => {
    const result = await teamWeek(database.db, ids.teamA!, [ids.teamA!], week);
    const entries = result.meetings.map((m) => `${name(m.id)}:${name(m.userId)}`).sort();
    expect(entries).toEqual([
      'beasOther:bea',
      'held:ann',
      'intoWeek:bea',
      'outOfWeek:bea',
      'together:ann',
      'together:bea',
    ]);
    const together = result.meetings.find((m) => m.id === ids.together)!;
    // The meeting's own time, not the busy interval with travel.
    expect(together.startsAt).toEqual(at('2026-03-25T10:00:00Z'));
    expect(together.endsAt).toEqual(at('2026-03-25T11:00:00Z'));
    expect(together.details).toEqual({
      kind: 'network',
      status: 'scheduled',
      locationKind: 'home',
      person: { id: ids.personA, givenName: 'Robin', familyName: 'Hart', preferredName: 'Rob' },
    });
  });

  it('shows another team’s meeting as busy, with nothing about it, unless the viewer may read that team', async () => {
    const narrow = await teamWeek(database.db, ids.teamA!, [ids.teamA!], week);
    expect(narrow.meetings.find((m) => m.id === ids.beasOther)).toMatchObject({ userId: ids.bea, details: null });
    const wide = await teamWeek(database.db, ids.teamA!, [ids.teamA!, ids.teamB!], week);
    expect(wide.meetings.find((m) => m.id === ids.beasOther)?.details?.person.givenName).toBe('Secret');
    const admin = await teamWeek(database.db, ids.teamA!, 'all', week);
    expect(admin.meetings.find((m) => m.id === ids.beasOther)?.details).not.toBeNull();
  });

  it('includes absences that span the week’s edge, without their note, and only the team’s', async () => {
    const result = await teamWeek(database.db, ids.teamA!, [ids.teamA!], week);
    expect(result.absences).toEqual([
      {
        id: ids.annLeave,
        userId: ids.ann,
        startsAt: at('2026-03-19T00:00:00Z'),
        endsAt: at('2026-03-24T00:00:00Z'),
        reason: 'leave',
      },
    ]);
  });

  it('leaves a cancelled meeting out even when its practitioners are still marked busy', async () => {
    // Cancelled by status alone (as if the interval were not yet freed): still not shown.
    await database.db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, ids.held!));
    await database.db.execute(sql`update meeting_practitioners set active = true where meeting_id = ${ids.held!}`);
    const result = await teamWeek(database.db, ids.teamA!, [ids.teamA!], week);
    expect(result.meetings.map((m) => m.id)).not.toContain(ids.held);
  });

  it('gives one practitioner’s week: their meetings and absences only', async () => {
    const result = await practitionerWeek(database.db, ids.bea!, [ids.teamA!], week);
    expect(result.meetings.map((m) => name(m.id)).sort()).toEqual(['beasOther', 'intoWeek', 'outOfWeek', 'together']);
    expect(result.meetings.find((m) => m.id === ids.beasOther)?.details).toBeNull();
    expect(result.absences).toEqual([]);
    const ann = await practitionerWeek(database.db, ids.ann!, [ids.teamA!], week);
    expect(ann.absences.map((a) => a.id)).toEqual([ids.annLeave]);
  });
});
