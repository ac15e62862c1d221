import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeTeam, makeUser } from '../testing/factories';
import { administrationCounts, findTeam, insertTeam, listTeams, teamNameTaken, teamRoster, updateTeam } from './teams';

describe.each(engines)('teams for administrators on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates and changes a team with its settings', async () => {
    const { db } = database;
    const team = await insertTeam(db, {
      name: 'Harbour Team',
      timeZone: 'Europe/Dublin',
      travelBufferMinutes: 20,
      reminderHours: 48,
      minimumNoticeHours: 4,
      recordLinkDays: 30,
      firstMeetingHours: 24,
      meetingGapDays: 14,
      signWithinDays: 3,
    });
    expect(await findTeam(db, team.id)).toEqual({
      id: team.id,
      name: 'Harbour Team',
      timeZone: 'Europe/Dublin',
      travelBufferMinutes: 20,
      reminderHours: 48,
      minimumNoticeHours: 4,
      recordLinkDays: 30,
      firstMeetingHours: 24,
      meetingGapDays: 14,
      signWithinDays: 3,
    });
    await updateTeam(db, team.id, {
      name: 'Harbour Open Dialogue Team',
      timeZone: 'Europe/London',
      travelBufferMinutes: 0,
      reminderHours: 24,
      minimumNoticeHours: 2,
      recordLinkDays: 90,
      firstMeetingHours: 48,
      meetingGapDays: 21,
      signWithinDays: 5,
    });
    expect(await findTeam(db, team.id)).toMatchObject({
      name: 'Harbour Open Dialogue Team',
      timeZone: 'Europe/London',
      travelBufferMinutes: 0,
    });
  });

  it('finds a name already taken whatever its case, except the team’s own', async () => {
    const { db } = database;
    const team = await makeTeam(db, 'Valley Team');
    expect(await teamNameTaken(db, 'valley team')).toBe(true);
    expect(await teamNameTaken(db, 'VALLEY TEAM', team.id)).toBe(false);
    expect(await teamNameTaken(db, 'Valley Team 2')).toBe(false);
  });

  it('counts each team’s practitioners who can sign in, and its leads', async () => {
    const { db } = database;
    const team = await makeTeam(db, 'Counting Team');
    await makeUser(db, { teamId: team.id, lead: true, name: 'Lead One' });
    await makeUser(db, { teamId: team.id, name: 'Member Two' });
    await makeUser(db, { teamId: team.id, name: 'Gone Three', disabledAt: new Date() });
    const empty = await makeTeam(db, 'Empty Team');
    const rows = await listTeams(db);
    expect(rows.find((t) => t.id === team.id)).toMatchObject({ members: 2, leads: 1 });
    expect(rows.find((t) => t.id === empty.id)).toMatchObject({ members: 0, leads: 0 });
    expect((await teamRoster(db, team.id)).map((m) => [m.name, m.lead, m.disabledAt !== null])).toEqual([
      ['Lead One', true, false],
      ['Gone Three', false, true],
      ['Member Two', false, false],
    ]);
    const counts = await administrationCounts(db);
    expect(counts.teams).toBeGreaterThanOrEqual(2);
    expect(counts.disabled).toBeGreaterThanOrEqual(1);
  });
});
