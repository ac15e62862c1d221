import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSessionUser, type SessionUser } from '@/db/queries/users';
import { teamMembers } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeTeam, makeUser } from '@/db/testing/factories';
import { calendarTeamFor } from './calendar-team';

/** Which team's week a user may see: the page shows "not found" for anything else. */
describe.each(engines)('choosing the team calendar on %s', (engine) => {
  let database: TestDatabase;
  let teams: { alder: string; birch: string; cedar: string };
  let practitioner: SessionUser;
  let onTwoTeams: SessionUser;
  let onNoTeam: SessionUser;
  let admin: SessionUser;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const { db } = database;
    const [alder, birch, cedar] = [
      await makeTeam(db, 'Alder Team'),
      await makeTeam(db, 'Birch Team'),
      await makeTeam(db, 'Cedar Team'),
    ];
    teams = { alder: alder.id, birch: birch.id, cedar: cedar.id };
    const session = async (id: string) => (await findSessionUser(db, id))!;
    practitioner = await session((await makeUser(db, { teamId: birch.id })).id);
    const two = await makeUser(db, { teamId: cedar.id });
    await db.insert(teamMembers).values({ teamId: birch.id, userId: two.id });
    onTwoTeams = await session(two.id);
    onNoTeam = await session((await makeUser(db)).id);
    admin = await session((await makeUser(db, { role: 'admin' })).id);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows a practitioner their own team, and nothing to choose from', async () => {
    const shown = await calendarTeamFor(database.db, practitioner, undefined);
    expect(shown).toEqual({
      status: 'shown',
      team: { id: teams.birch, name: 'Birch Team', timeZone: 'Europe/London' },
      choices: [{ id: teams.birch, name: 'Birch Team' }],
    });
    expect(await calendarTeamFor(database.db, practitioner, teams.birch)).toMatchObject({
      status: 'shown',
      team: { id: teams.birch },
    });
  });

  it('refuses a practitioner another team’s calendar, an unknown team and a malformed id alike', async () => {
    expect(await calendarTeamFor(database.db, practitioner, teams.alder)).toEqual({ status: 'not-found' });
    expect(await calendarTeamFor(database.db, practitioner, randomUUID())).toEqual({ status: 'not-found' });
    expect(await calendarTeamFor(database.db, practitioner, 'birch')).toEqual({ status: 'not-found' });
  });

  it('lets someone on two teams choose between them, the first by name by default', async () => {
    const shown = await calendarTeamFor(database.db, onTwoTeams, undefined);
    expect(shown).toMatchObject({ status: 'shown', team: { id: teams.birch } });
    expect(shown.status === 'shown' && shown.choices.map((c) => c.name)).toEqual(['Birch Team', 'Cedar Team']);
    expect(await calendarTeamFor(database.db, onTwoTeams, teams.cedar)).toMatchObject({
      status: 'shown',
      team: { id: teams.cedar, name: 'Cedar Team' },
    });
    expect(await calendarTeamFor(database.db, onTwoTeams, teams.alder)).toEqual({ status: 'not-found' });
  });

  it('has nothing to show someone on no team, and no team to open either', async () => {
    expect(await calendarTeamFor(database.db, onNoTeam, undefined)).toEqual({ status: 'no-team' });
    expect(await calendarTeamFor(database.db, onNoTeam, teams.alder)).toEqual({ status: 'not-found' });
  });

  it('lets an administrator open any team, offering every team', async () => {
    const shown = await calendarTeamFor(database.db, admin, teams.cedar);
    expect(shown).toMatchObject({ status: 'shown', team: { id: teams.cedar, name: 'Cedar Team' } });
    expect(shown.status === 'shown' && shown.choices.map((c) => c.name)).toEqual([
      'Alder Team',
      'Birch Team',
      'Cedar Team',
    ]);
    expect(await calendarTeamFor(database.db, admin, undefined)).toMatchObject({
      status: 'shown',
      team: { id: teams.alder },
    });
    expect(await calendarTeamFor(database.db, admin, randomUUID())).toEqual({ status: 'not-found' });
  });

  it('refuses everything to a disabled user', async () => {
    const disabled = { ...practitioner, disabledAt: new Date() };
    expect(await calendarTeamFor(database.db, disabled, teams.birch)).toEqual({ status: 'not-found' });
    expect(await calendarTeamFor(database.db, disabled, undefined)).toEqual({ status: 'no-team' });
  });
});
