import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeTeam, makeUser } from '../testing/factories';
import {
  countExistingTeams,
  deleteMembership,
  emailTaken,
  findMembership,
  findPractitioner,
  insertAccount,
  listPractitioners,
  updateAccountDetails,
  upsertMembership,
} from './practitioners';

describe.each(engines)('practitioners for administrators on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('makes an account with its teams, and never hands back the password hash', async () => {
    const { db } = database;
    const a = await makeTeam(db, 'Alpha Team');
    const b = await makeTeam(db, 'Beta Team');
    const account = await insertAccount(
      db,
      {
        name: 'Robin Ellis',
        email: 'robin.ellis@example.org',
        discipline: 'nurse',
        role: 'practitioner',
        timeZone: 'Europe/Dublin',
        passwordHash: 'secret-hash',
      },
      [b.id, a.id],
    );
    const found = await findPractitioner(db, account.id);
    expect(found).toMatchObject({
      name: 'Robin Ellis',
      discipline: 'nurse',
      timeZone: 'Europe/Dublin',
      status: 'active',
    });
    expect(found?.memberships.map((m) => m.teamName)).toEqual(['Alpha Team', 'Beta Team']);
    const listed = (await listPractitioners(db)).find((p) => p.id === account.id);
    expect(listed?.teams.map((t) => t.name)).toEqual(['Alpha Team', 'Beta Team']);
    for (const row of [account, found, listed]) {
      expect(JSON.stringify(row)).not.toContain('secret-hash');
      expect(row && 'passwordHash' in row).toBe(false);
    }
  });

  it('filters by team and by a search on name or email, treating % and _ as letters', async () => {
    const { db } = database;
    const team = await makeTeam(db, 'Filter Team');
    const kim = await makeUser(db, { teamId: team.id, name: 'Kim Lowther', email: 'kim.lowther@example.org' });
    await makeUser(db, { name: 'Kim Elsewhere', email: 'kim.elsewhere@example.org' });
    expect((await listPractitioners(db, { teamId: team.id })).map((p) => p.id)).toEqual([kim.id]);
    expect((await listPractitioners(db, { search: 'LOWTHER' })).map((p) => p.id)).toEqual([kim.id]);
    expect((await listPractitioners(db, { search: 'kim.lowther@' })).map((p) => p.id)).toEqual([kim.id]);
    expect((await listPractitioners(db, { search: 'Kim' })).length).toBeGreaterThanOrEqual(2);
    expect(await listPractitioners(db, { search: '%' })).toEqual([]);
  });

  it('knows which emails are taken', async () => {
    const { db } = database;
    const user = await makeUser(db, { email: 'taken@example.org' });
    expect(await emailTaken(db, 'Taken@Example.org')).toBe(true);
    expect(await emailTaken(db, 'taken@example.org', user.id)).toBe(false);
    expect(await emailTaken(db, 'free@example.org')).toBe(false);
  });

  it('changes details, discipline and role', async () => {
    const { db } = database;
    const user = await makeUser(db, { name: 'Sasha Varley' });
    await updateAccountDetails(db, user.id, {
      name: 'Sasha Varley-Hollis',
      email: 'sasha@example.org',
      discipline: 'peer_support_worker',
      role: 'admin',
      timeZone: 'UTC',
    });
    expect(await findPractitioner(db, user.id)).toMatchObject({
      name: 'Sasha Varley-Hollis',
      discipline: 'peer_support_worker',
      role: 'admin',
      timeZone: 'UTC',
    });
  });

  it('adds, leads and removes team memberships', async () => {
    const { db } = database;
    const team = await makeTeam(db, 'Membership Team');
    const user = await makeUser(db);
    await upsertMembership(db, user.id, team.id, false);
    expect(await findMembership(db, user.id, team.id)).toEqual({
      teamId: team.id,
      lead: false,
      teamName: 'Membership Team',
    });
    await upsertMembership(db, user.id, team.id, true);
    expect((await findMembership(db, user.id, team.id))?.lead).toBe(true);
    expect(await deleteMembership(db, user.id, team.id)).toBe(true);
    expect(await findMembership(db, user.id, team.id)).toBeUndefined();
    expect(await deleteMembership(db, user.id, team.id)).toBe(false);
  });

  it('counts only teams that exist', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    expect(await countExistingTeams(db, [team.id, '00000000-0000-4000-8000-000000000000'])).toBe(1);
    expect(await countExistingTeams(db, [])).toBe(0);
  });
});
