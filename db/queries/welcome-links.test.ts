import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashWelcomeToken, welcomeLinkExpiry, newWelcomeToken } from '@/lib/admin/welcome-token';
import { hashPassword } from '@/lib/auth/password';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { welcomeLinks } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { makeTeam, makeUser } from '../testing/factories';
import { findUsableWelcomeLink, insertWelcomeLink, redeemWelcomeLink } from './welcome-links';
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
    const token = newWelcomeToken();
    await insertWelcomeLink(db, {
      userId: user.id,
      tokenHash: hashWelcomeToken(token),
      createdBy: admin.id,
      expiresAt: welcomeLinkExpiry(now),
      now,
    });
    return { user, admin, token };
  }

  it('stores only the hash of the token', async () => {
    const { db } = database;
    const { user, token } = await invited('hash@example.org');
    const rows = await db
      .select({ tokenHash: welcomeLinks.tokenHash })
      .from(welcomeLinks)
      .where(eq(welcomeLinks.userId, user.id));
    expect(rows).toEqual([{ tokenHash: hashWelcomeToken(token) }]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('works once: sets the password, then refuses to be used again', async () => {
    const { db } = database;
    const { user, token } = await invited('once@example.org');
    expect((await findPractitioner(db, user.id))?.status).toBe('invited');
    expect(await findUsableWelcomeLink(db, hashWelcomeToken(token))).toMatchObject({
      userId: user.id,
      email: 'once@example.org',
    });

    const first = await db.transaction((tx) => redeemWelcomeLink(tx, hashWelcomeToken(token), 'placeholder-hash'));
    expect(first?.id).toBe(user.id);
    expect(await findUsableWelcomeLink(db, hashWelcomeToken(token))).toBeUndefined();
    expect(await db.transaction((tx) => redeemWelcomeLink(tx, hashWelcomeToken(token), 'another'))).toBeUndefined();
    expect((await findPractitioner(db, user.id))?.status).toBe('active');
  });

  it('lets the invitee sign in with the password they chose, and only that one', async () => {
    const { db } = database;
    const { token } = await invited('chosen@example.org');
    await db.transaction(async (tx) =>
      redeemWelcomeLink(tx, hashWelcomeToken(token), await hashPassword('my chosen long password')),
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
    const hash = hashWelcomeToken(token);
    expect(await findUsableWelcomeLink(db, hash, new Date('2026-03-08T08:59:00Z'))).toBeDefined();
    expect(await findUsableWelcomeLink(db, hash, new Date('2026-03-08T09:00:00Z'))).toBeUndefined();
    expect(
      await db.transaction((tx) => redeemWelcomeLink(tx, hash, 'late', new Date('2026-03-09T00:00:00Z'))),
    ).toBeUndefined();
  });

  it('stops working when a newer link is made for the same person', async () => {
    const { db } = database;
    const { user, admin, token } = await invited('newer@example.org');
    const newer = newWelcomeToken();
    await insertWelcomeLink(db, {
      userId: user.id,
      tokenHash: hashWelcomeToken(newer),
      createdBy: admin.id,
      expiresAt: welcomeLinkExpiry(new Date()),
    });
    expect(await findUsableWelcomeLink(db, hashWelcomeToken(token))).toBeUndefined();
    expect(await findUsableWelcomeLink(db, hashWelcomeToken(newer))).toBeDefined();
    const rows = await db.select({ id: welcomeLinks.id }).from(welcomeLinks).where(eq(welcomeLinks.userId, user.id));
    expect(rows).toHaveLength(2);
  });

  it('does not work for a disabled account', async () => {
    const { db } = database;
    const { user, token } = await invited('disabled-invitee@example.org');
    await setDisabled(db, user.id, true);
    expect(await findUsableWelcomeLink(db, hashWelcomeToken(token))).toBeUndefined();
    expect(await db.transaction((tx) => redeemWelcomeLink(tx, hashWelcomeToken(token), 'x'))).toBeUndefined();
  });

  it('refuses an unknown token', async () => {
    const { db } = database;
    expect(await findUsableWelcomeLink(db, hashWelcomeToken('made-up'))).toBeUndefined();
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
