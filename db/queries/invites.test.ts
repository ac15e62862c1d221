import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInviteToken, inviteExpiry, newInviteToken } from '@/lib/admin/invite-token';
import { hashPassword } from '@/lib/auth/password';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { userInvites } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeTeam, makeUser } from '../testing/factories';
import { findUsableInvite, insertInvite, redeemInvite } from './invites';
import { findPractitioner, setDisabled } from './practitioners';
import { findSessionUser } from './users';

describe.each(engines)('one-time set-password links on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function invited(email: string, now = new Date()) {
    const { db } = database;
    const team = await makeTeam(db);
    const admin = await makeUser(db, { role: 'admin' });
    const user = await makeUser(db, { teamId: team.id, email });
    const token = newInviteToken();
    await insertInvite(db, {
      userId: user.id,
      tokenHash: hashInviteToken(token),
      createdBy: admin.id,
      expiresAt: inviteExpiry(now),
      now,
    });
    return { user, admin, token };
  }

  it('stores only the hash of the token', async () => {
    const { db } = database;
    const { user, token } = await invited('hash@example.org');
    const rows = await db
      .select({ tokenHash: userInvites.tokenHash })
      .from(userInvites)
      .where(eq(userInvites.userId, user.id));
    expect(rows).toEqual([{ tokenHash: hashInviteToken(token) }]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('works once: sets the password, then refuses to be used again', async () => {
    const { db } = database;
    const { user, token } = await invited('once@example.org');
    expect((await findPractitioner(db, user.id))?.status).toBe('invited');
    expect(await findUsableInvite(db, hashInviteToken(token))).toMatchObject({
      userId: user.id,
      email: 'once@example.org',
    });

    const first = await db.transaction((tx) => redeemInvite(tx, hashInviteToken(token), 'placeholder-hash'));
    expect(first?.id).toBe(user.id);
    expect(await findUsableInvite(db, hashInviteToken(token))).toBeUndefined();
    expect(await db.transaction((tx) => redeemInvite(tx, hashInviteToken(token), 'another'))).toBeUndefined();
    expect((await findPractitioner(db, user.id))?.status).toBe('active');
  });

  it('lets the invitee sign in with the password they chose, and only that one', async () => {
    const { db } = database;
    const { token } = await invited('chosen@example.org');
    await db.transaction(async (tx) =>
      redeemInvite(tx, hashInviteToken(token), await hashPassword('my chosen long password')),
    );
    expect(await verifyCredentials(db, 'chosen@example.org', 'my chosen long password')).toMatchObject({
      email: 'chosen@example.org',
    });
    expect(await verifyCredentials(db, 'chosen@example.org', 'not my password at all')).toBeNull();
  });

  it('cannot be used to sign in before a password is chosen', async () => {
    const { db } = database;
    await invited('nopassword@example.org');
    expect(await verifyCredentials(db, 'nopassword@example.org', '')).toBeNull();
    expect(await verifyCredentials(db, 'nopassword@example.org', 'not-a-real-hash')).toBeNull();
  });

  it('expires after seven days', async () => {
    const { db } = database;
    const issued = new Date('2026-03-01T09:00:00Z');
    const { token } = await invited('late@example.org', issued);
    const hash = hashInviteToken(token);
    expect(await findUsableInvite(db, hash, new Date('2026-03-08T08:59:00Z'))).toBeDefined();
    expect(await findUsableInvite(db, hash, new Date('2026-03-08T09:00:00Z'))).toBeUndefined();
    expect(
      await db.transaction((tx) => redeemInvite(tx, hash, 'late', new Date('2026-03-09T00:00:00Z'))),
    ).toBeUndefined();
  });

  it('stops working when a newer link is made for the same person', async () => {
    const { db } = database;
    const { user, admin, token } = await invited('newer@example.org');
    const newer = newInviteToken();
    await insertInvite(db, {
      userId: user.id,
      tokenHash: hashInviteToken(newer),
      createdBy: admin.id,
      expiresAt: inviteExpiry(new Date()),
    });
    expect(await findUsableInvite(db, hashInviteToken(token))).toBeUndefined();
    expect(await findUsableInvite(db, hashInviteToken(newer))).toBeDefined();
    const rows = await db.select({ id: userInvites.id }).from(userInvites).where(eq(userInvites.userId, user.id));
    expect(rows).toHaveLength(2);
  });

  it('does not work for a disabled account', async () => {
    const { db } = database;
    const { user, token } = await invited('disabled-invitee@example.org');
    await setDisabled(db, user.id, true);
    expect(await findUsableInvite(db, hashInviteToken(token))).toBeUndefined();
    expect(await db.transaction((tx) => redeemInvite(tx, hashInviteToken(token), 'x'))).toBeUndefined();
  });

  it('refuses an unknown token', async () => {
    const { db } = database;
    expect(await findUsableInvite(db, hashInviteToken('made-up'))).toBeUndefined();
  });
});

describe.each(engines)('turning access off on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('ends sign-in and the session at once, and turning it back on restores both', async () => {
    const { db } = database;
    const team = await makeTeam(db);
    const user = await makeUser(db, {
      teamId: team.id,
      email: 'ended@example.org',
      passwordHash: await hashPassword('a long enough password'),
    });
    expect(await verifyCredentials(db, 'ended@example.org', 'a long enough password')).not.toBeNull();

    const disabled = await setDisabled(db, user.id, true, new Date('2026-03-02T10:00:00Z'));
    expect(disabled?.disabledAt).toEqual(new Date('2026-03-02T10:00:00Z'));
    expect(await verifyCredentials(db, 'ended@example.org', 'a long enough password')).toBeNull();
    // currentUser() refuses a session user with disabledAt set, on their very next request.
    expect((await findSessionUser(db, user.id))?.disabledAt).toBeInstanceOf(Date);
    expect((await findPractitioner(db, user.id))?.status).toBe('disabled');
    // Disabling twice changes nothing (and records nothing twice).
    expect(await setDisabled(db, user.id, true)).toBeUndefined();

    await setDisabled(db, user.id, false);
    expect(await verifyCredentials(db, 'ended@example.org', 'a long enough password')).not.toBeNull();
    expect((await findSessionUser(db, user.id))?.disabledAt).toBeNull();
  });
});
