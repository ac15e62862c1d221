import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreTeamAssignments } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeMeeting, makePerson, makeTeam, makeUser } from '../testing/factories';
import { findLikelyDuplicates, findPerson, listCaseload, personMeetings } from './people';

describe.each(engines)('the caseload and a person on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  const defaults = { status: 'active', mine: false, sort: 'name', page: 1 } as const;
  const today = new Date().toISOString().slice(0, 10);
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

  it("lists only the user's teams' people, searched, filtered, sorted and paged", async () => {
    const { db } = database;
    const mine = await makeTeam(db);
    const other = await makeTeam(db);
    const me = await makeUser(db, { teamId: mine.id });
    const ash = await makePerson(db, mine.id, { givenName: 'Robin', familyName: 'Ashworth' });
    const bel = await makePerson(db, mine.id, { givenName: 'Kit', familyName: 'Bellamy', preferredName: 'Kitty' });
    await makePerson(db, mine.id, { givenName: 'Sam', familyName: 'Carver', status: 'discharged' });
    await makePerson(db, other.id, { givenName: 'Robin', familyName: 'Elsewhere' });
    await makeMeeting(db, { teamId: mine.id, personId: bel.id, userIds: [me.id], startsAt: inDays(2) });
    await makeMeeting(db, { teamId: mine.id, personId: ash.id, userIds: [me.id], startsAt: inDays(5) });
    await makeMeeting(db, {
      teamId: mine.id,
      personId: ash.id,
      userIds: [me.id],
      startsAt: inDays(-3),
      status: 'held',
    });
    await db
      .insert(coreTeamAssignments)
      .values({ personId: bel.id, userId: me.id, role: 'lead', startsOn: '2020-01-01' });

    const scope = { userId: me.id, teams: [mine.id], today };
    const names = async (f: Partial<Parameters<typeof listCaseload>[2]>) =>
      (await listCaseload(db, scope, { ...defaults, ...f })).rows.map((r) => r.familyName);
    expect(await names({})).toEqual(['Ashworth', 'Bellamy']);
    expect(await names({ status: 'all' })).toEqual(['Ashworth', 'Bellamy', 'Carver']);
    expect(await names({ status: 'discharged' })).toEqual(['Carver']);
    expect(await names({ q: 'robin' })).toEqual(['Ashworth']);
    expect(await names({ q: 'kitty bel' })).toEqual(['Bellamy']);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ mine: true })).toEqual(['Bellamy']);
    expect(await names({ sort: 'next' })).toEqual(['Bellamy', 'Ashworth']);
    expect(await names({ sort: 'last' })).toEqual(['Ashworth', 'Bellamy']);
    const page2 = await listCaseload(db, scope, { ...defaults, status: 'all', page: 2, pageSize: 2 });
    expect(page2.total).toBe(3);
    expect(page2.rows.map((r) => r.familyName)).toEqual(['Carver']);
    const withDates = await listCaseload(db, scope, { ...defaults, sort: 'next' });
    expect(withDates.rows[0]?.nextMeeting).toBeInstanceOf(Date);
    expect(withDates.rows[1]?.lastMeeting).toBeInstanceOf(Date);
    // Nobody outside the team, whatever the search.
    expect(await names({ q: 'Elsewhere', status: 'all' })).toEqual([]);
    expect((await listCaseload(db, { ...scope, teams: [] }, { ...defaults, status: 'all' })).rows).toEqual([]);
  });

  it('finds a person only within the teams in scope', async () => {
    const { db } = database;
    const mine = await makeTeam(db);
    const other = await makeTeam(db);
    const theirs = await makePerson(db, other.id);
    expect(await findPerson(db, theirs.id, [mine.id])).toBeUndefined();
    expect(await findPerson(db, theirs.id, [])).toBeUndefined();
    expect((await findPerson(db, theirs.id, [other.id]))?.id).toBe(theirs.id);
    expect((await findPerson(db, theirs.id, 'all'))?.teamName).toBe(other.name);
  });

  it('points out the same name and date of birth on the same team only', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const other = await makeTeam(db);
    const existing = await makePerson(db, team.id, {
      givenName: 'Jamie',
      familyName: 'Lowther',
      dateOfBirth: '1990-03-12',
    });
    await makePerson(db, other.id, { givenName: 'Jamie', familyName: 'Lowther', dateOfBirth: '1990-03-12' });
    const same = await findLikelyDuplicates(db, team.id, {
      givenName: 'jamie',
      familyName: 'LOWTHER',
      dateOfBirth: '1990-03-12',
    });
    expect(same.map((p) => p.id)).toEqual([existing.id]);
    expect(
      await findLikelyDuplicates(db, team.id, { givenName: 'Jamie', familyName: 'Lowther', dateOfBirth: '1991-03-12' }),
    ).toEqual([]);
    expect(
      await findLikelyDuplicates(db, team.id, {
        givenName: 'Jamie',
        familyName: 'Lowther',
        dateOfBirth: '1990-03-12',
        excludeId: existing.id,
      }),
    ).toEqual([]);
  });

  it("splits a person's meetings into coming up and before, with the practitioners", async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const a = await makeUser(db, { teamId: team.id, name: 'Zed Adams' });
    const b = await makeUser(db, { teamId: team.id, name: 'Amy Brook' });
    const person = await makePerson(db, team.id);
    const next = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [a.id, b.id],
      startsAt: inDays(1),
    });
    const held = await makeMeeting(db, {
      teamId: team.id,
      personId: person.id,
      userIds: [a.id],
      startsAt: inDays(-7),
      status: 'held',
    });
    const { upcoming, past } = await personMeetings(db, person.id, team.id);
    expect(upcoming.map((m) => m.id)).toEqual([next.id]);
    expect(upcoming[0]?.practitioners).toEqual(['Amy Brook', 'Zed Adams']);
    expect(past.map((m) => m.id)).toEqual([held.id]);
    expect((await personMeetings(db, person.id, (await makeTeam(db)).id)).upcoming).toEqual([]);
  });
});
