import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { users } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeTeam, makeUser } from '../testing/factories';
import { findSessionUser } from './users';

describe.each(engines)('sign-in and the session user on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('accepts the right password only, and says nothing about which part was wrong', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const user = await makeUser(db, {
      teamId: team.id,
      email: 'kim@example.org',
      passwordHash: await hashPassword('correct horse battery'),
    });
    expect(await verifyCredentials(db, ' Kim@Example.org ', 'correct horse battery')).toEqual({
      id: user.id,
      email: 'kim@example.org',
      name: user.name,
      sessionVersion: 1,
    });
    expect(await verifyCredentials(db, 'kim@example.org', 'wrong horse battery')).toBeNull();
    expect(await verifyCredentials(db, 'nobody@example.org', 'correct horse battery')).toBeNull();
  });

  it('refuses a disabled user at sign-in and on their next request', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const user = await makeUser(db, {
      teamId: team.id,
      email: 'lee@example.org',
      passwordHash: await hashPassword('a long enough password'),
    });
    expect((await findSessionUser(db, user.id))?.disabledAt).toBeNull();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await verifyCredentials(db, 'lee@example.org', 'a long enough password')).toBeNull();
    expect((await findSessionUser(db, user.id))?.disabledAt).toBeInstanceOf(Date);
  });

  it('loads the session user with their teams and never the password hash', async () => {
    const { db } = database;
    const a = await makeTeam(db, 'A');
    const b = await makeTeam(db, 'B');
    const user = await makeUser(db, { teamId: a.id, lead: true });
    await makeUser(db, { teamId: b.id });
    const session = await findSessionUser(db, user.id);
    expect(session?.memberships).toEqual([{ teamId: a.id, teamName: 'A', timeZone: 'Europe/London', lead: true }]);
    expect(session && 'passwordHash' in session).toBe(false);
  });
});
