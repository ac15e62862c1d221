import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeUser } from '@/db/testing/factories';
import { limits } from '@/lib/security/rate-limits';
import { authOptions } from './options';
import { hashPassword } from './password';
import { attemptSignIn } from './sign-in';
import { SIGN_IN_ERRORS } from './sign-in-errors';

/**
 * Failed sign-ins are limited per email (known or not) and per client address, in the
 * database, and over a limit the password is not even checked: the right one is refused too.
 */
const current = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock('@/db/connection', () => ({ getDb: async () => current.db }));

const PASSWORD = 'correct horse battery staple';

/** The credentials provider's own `authorize`, as next-auth calls it, with the request's headers. */
function authorize(email: string, password: string, headers: Record<string, string>) {
  const provider = authOptions().providers[0] as unknown as {
    options: {
      authorize: (
        input: Record<string, string>,
        request: { headers: Record<string, string> },
      ) => Promise<{ id: string } | null>;
    };
  };
  return provider.options.authorize({ email, password }, { headers });
}

describe.each(engines)('sign-in rate limits on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;
  let addresses = 0;
  /** A client address of its own for each test, so the tests do not share an address's count. */
  const freshAddress = () => `198.51.100.${++addresses}`;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    db = database.db;
    current.db = db;
  });
  afterAll(async () => {
    await database?.close();
  });

  async function account(email: string) {
    return makeUser(db, { email, passwordHash: await hashPassword(PASSWORD) });
  }

  async function failTimes(times: number, email: string, address: string) {
    const outcomes = [];
    for (let i = 0; i < times; i++)
      outcomes.push((await attemptSignIn(db, email, `wrong password ${i}`, address)).status);
    return outcomes;
  }

  it('refuses the 11th attempt for one email after 10 failures, even with the right password, from any address', async () => {
    const user = await account('kim@example.org');
    const address = freshAddress();
    expect(await failTimes(10, 'kim@example.org', address)).toEqual(Array(10).fill('wrong'));

    expect(await attemptSignIn(db, 'kim@example.org', PASSWORD, address)).toEqual({ status: 'throttled' });
    expect(await attemptSignIn(db, ' KIM@Example.org ', PASSWORD, freshAddress())).toEqual({ status: 'throttled' });
    // Through next-auth's authorize: a distinct error the form shows as its own message.
    await expect(authorize('kim@example.org', PASSWORD, { 'x-forwarded-for': freshAddress() })).rejects.toThrow(
      SIGN_IN_ERRORS.throttled,
    );

    // Once the window has passed, the right password works again.
    const later = new Date(Date.now() + limits.signInFailuresForEmail('').windowSeconds * 1000);
    expect(await attemptSignIn(db, 'kim@example.org', PASSWORD, address, later)).toEqual({
      status: 'signed-in',
      user: { id: user.id, email: 'kim@example.org', name: user.name },
    });
  });

  it('throttles an email with no account the same way, so the limit reveals nothing', async () => {
    const address = freshAddress();
    expect(await failTimes(10, 'nobody@example.org', address)).toEqual(Array(10).fill('wrong'));
    expect(await attemptSignIn(db, 'nobody@example.org', PASSWORD, address)).toEqual({ status: 'throttled' });
    await expect(authorize('nobody@example.org', PASSWORD, { 'x-real-ip': freshAddress() })).rejects.toThrow(
      SIGN_IN_ERRORS.throttled,
    );
    // The table holds a digest of the typed email, never the email itself.
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key);
    expect(keys).toContain(limits.signInFailuresForEmail('nobody@example.org').key);
    expect(keys.join(' ')).not.toContain('nobody');
  });

  it('does not count a successful sign-in as a failure', async () => {
    const user = await account('lee@example.org');
    const address = freshAddress();
    expect(await failTimes(9, 'lee@example.org', address)).toEqual(Array(9).fill('wrong'));
    expect(await attemptSignIn(db, 'lee@example.org', PASSWORD, address)).toMatchObject({
      status: 'signed-in',
      user: { id: user.id },
    });
    // Had the success counted, this would be the 11th and refused; it is the 10th failure.
    expect(await attemptSignIn(db, 'lee@example.org', 'wrong again', address)).toEqual({ status: 'wrong' });
    expect(await attemptSignIn(db, 'lee@example.org', PASSWORD, address)).toEqual({ status: 'throttled' });
  });

  it('leaves other emails from the same address alone until the address reaches 50 failures', async () => {
    const user = await account('ash@example.org');
    const address = freshAddress();
    expect(await failTimes(10, 'someone-else@example.org', address)).toEqual(Array(10).fill('wrong'));
    expect(await attemptSignIn(db, 'someone-else@example.org', PASSWORD, address)).toEqual({ status: 'throttled' });
    expect(await attemptSignIn(db, 'ash@example.org', PASSWORD, address)).toMatchObject({
      status: 'signed-in',
      user: { id: user.id },
    });

    // 40 more failures, each email well under its own limit: the address reaches 50.
    for (let i = 0; i < 4; i++)
      expect(await failTimes(10, `guess-${i}@example.org`, address)).toEqual(Array(10).fill('wrong'));
    expect(await attemptSignIn(db, 'ash@example.org', PASSWORD, address)).toEqual({ status: 'throttled' });
    expect(await attemptSignIn(db, 'fresh@example.org', 'a first try', address)).toEqual({ status: 'throttled' });
    // Another address is not affected, and the refused attempts did not count against ash's email.
    expect(await attemptSignIn(db, 'ash@example.org', PASSWORD, freshAddress())).toMatchObject({ status: 'signed-in' });
    expect(
      (await authorize('ash@example.org', PASSWORD, { 'x-forwarded-for': `${freshAddress()}, ${address}` }))?.id,
    ).toBe(user.id);
    await expect(authorize('ash@example.org', PASSWORD, { 'x-forwarded-for': `${address}, 10.0.0.1` })).rejects.toThrow(
      SIGN_IN_ERRORS.throttled,
    );
  });

  it('keeps to the limits when many attempts arrive at once', async () => {
    const address = freshAddress();
    const oneEmail = await Promise.all(
      Array.from({ length: 15 }, (_, i) => attemptSignIn(db, 'burst@example.org', `guess ${i}`, address)),
    );
    expect(oneEmail.filter((a) => a.status === 'wrong')).toHaveLength(10);
    expect(oneEmail.filter((a) => a.status === 'throttled')).toHaveLength(5);

    const spread = freshAddress();
    const manyEmails = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attemptSignIn(db, `spray-${i}@example.org`, 'guess', spread)),
    );
    expect(manyEmails.filter((a) => a.status === 'wrong')).toHaveLength(50);
    expect(manyEmails.filter((a) => a.status === 'throttled')).toHaveLength(10);
    // Only the failures stay counted: the refused attempts gave theirs back.
    const [row] = await db
      .select({ hits: rateLimits.hits })
      .from(rateLimits)
      .where(eq(rateLimits.key, limits.signInFailuresFromAddress(spread).key));
    expect(row?.hits).toBe(50);
  });

  it('says a wrong password with null, and a failure on our side with its own error', async () => {
    const user = await account('sol@example.org');
    expect(await authorize('sol@example.org', 'not it', { 'x-forwarded-for': freshAddress() })).toBeNull();
    expect((await authorize('SOL@example.org', PASSWORD, {}))?.id).toBe(user.id);
    const working = current.db;
    current.db = {
      insert: () => {
        throw new Error('connection lost');
      },
    } as unknown as Db;
    try {
      await expect(authorize('sol@example.org', PASSWORD, {})).rejects.toThrow(SIGN_IN_ERRORS.unavailable);
    } finally {
      current.db = working;
    }
  });
});
