import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { throttleWait, waitSeconds } from '@/db/queries/sign-in-throttles';
import { signInThrottles as throttleTable } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeUser } from '@/db/testing/factories';
import { deviceTag, KNOWN_DEVICE_COOKIE } from './known-device';
import { authOptions } from './options';
import { hashPassword } from './password';
import { attemptSignIn, forgetSignInFailures, signInThrottles } from './sign-in';
import { SIGN_IN_ERRORS, throttledWait } from './sign-in-errors';

/**
 * Failed sign-ins are slowed, never locked out (OWASP's authentication guidance): per email
 * and address, per email, and per address, with waits that double, all in the database. A
 * waiting attempt is refused before its password is even hashed.
 */
const current = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(current)));

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

const seconds = (from: Date, s: number) => new Date(from.getTime() + s * 1000);

describe.each(engines)('sign-in throttles on %s', (engine) => {
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

  /** Wrong passwords, one after another at `at` (the clock does not move between them). */
  async function fail(times: number, email: string, address: string, at = new Date()) {
    const outcomes = [];
    for (let i = 0; i < times; i++)
      outcomes.push((await attemptSignIn(db, email, `wrong password ${i}`, address, { now: at })).status);
    return outcomes;
  }

  it('from one address, lets 5 wrong passwords through, then asks for waits that double, and never refuses after the wait', async () => {
    const user = await account('kim@example.org');
    const address = freshAddress();
    const t0 = new Date();
    expect(await fail(5, 'kim@example.org', address, t0)).toEqual(Array(5).fill('wrong'));
    // The sixth must wait a second; the right password is not checked meanwhile.
    expect(await attemptSignIn(db, 'kim@example.org', PASSWORD, address, { now: t0 })).toEqual({
      status: 'throttled',
      waitSeconds: 1,
    });
    expect((await attemptSignIn(db, 'kim@example.org', 'wrong', address, { now: seconds(t0, 1) })).status).toBe(
      'wrong',
    );
    expect(await attemptSignIn(db, 'kim@example.org', PASSWORD, address, { now: seconds(t0, 2) })).toEqual({
      status: 'throttled',
      waitSeconds: 1,
    });
    // After the wait, the owner's right password works, and the waits start again.
    expect(await attemptSignIn(db, 'kim@example.org', PASSWORD, address, { now: seconds(t0, 3) })).toMatchObject({
      status: 'signed-in',
      user: { id: user.id },
    });
    expect(await fail(5, 'kim@example.org', address, seconds(t0, 4))).toEqual(Array(5).fill('wrong'));
  });

  it('doubles the waits up to five minutes, and forgets the count after 15 quiet minutes', async () => {
    const address = freshAddress();
    const rule = signInThrottles.emailFromAddress('cap@example.org', address);
    let at = new Date();
    let wait = 0;
    for (let i = 0; i < 20; i++) {
      expect((await attemptSignIn(db, 'cap@example.org', `guess ${i}`, address, { now: at })).status).toBe('wrong');
      wait = await throttleWait(db, rule, at);
      expect(wait).toBe(waitSeconds(rule, i + 1));
      at = seconds(at, wait);
    }
    expect(wait).toBe(5 * 60);
    expect(await attemptSignIn(db, 'cap@example.org', 'again', address, { now: seconds(at, -1) })).toEqual({
      status: 'throttled',
      waitSeconds: 1,
    });
    const quietLater = seconds(at, 15 * 60);
    expect((await attemptSignIn(db, 'cap@example.org', 'x', address, { now: quietLater })).status).toBe('wrong');
    expect(await throttleWait(db, rule, quietLater)).toBe(0);
  });

  it('does not let failures in the owner’s name, from anywhere, keep the owner out on a device that has signed in before', async () => {
    const user = await account('lee@example.org');
    const t0 = new Date();
    // An attacker spreads wrong passwords over many addresses: the email's own throttle slows new devices.
    for (let i = 0; i < 12; i++) await fail(1, 'lee@example.org', freshAddress(), t0);
    const fromNewDevice = await attemptSignIn(db, 'lee@example.org', PASSWORD, freshAddress(), { now: t0 });
    expect(fromNewDevice.status).toBe('throttled');
    expect(fromNewDevice.status === 'throttled' && fromNewDevice.waitSeconds).toBeLessThanOrEqual(60);
    // The owner's own laptop, which has signed in to this account before, is not slowed at all.
    expect(
      await attemptSignIn(db, 'lee@example.org', PASSWORD, freshAddress(), { knownDevice: true, now: t0 }),
    ).toMatchObject({ status: 'signed-in', user: { id: user.id } });
    // Through next-auth: the cookie the sign-in route sets is what says the device is known.
    for (let i = 0; i < 12; i++) await fail(1, 'lee@example.org', freshAddress());
    await expect(authorize('lee@example.org', PASSWORD, { 'x-forwarded-for': freshAddress() })).rejects.toThrow(
      SIGN_IN_ERRORS.throttled,
    );
    const cookie = `other=1; ${KNOWN_DEVICE_COOKIE}=${deviceTag('someone@example.org')}.${deviceTag('lee@example.org')}`;
    expect((await authorize('lee@example.org', PASSWORD, { 'x-forwarded-for': freshAddress(), cookie }))?.id).toBe(
      user.id,
    );
    // A made-up cookie says nothing.
    for (let i = 0; i < 12; i++) await fail(1, 'lee@example.org', freshAddress());
    await expect(
      authorize('lee@example.org', PASSWORD, {
        'x-forwarded-for': freshAddress(),
        cookie: `${KNOWN_DEVICE_COOKIE}=${'A'.repeat(43)}`,
      }),
    ).rejects.toThrow(SIGN_IN_ERRORS.throttled);
  });

  it('throttles an email with no account the same way, so the throttle reveals nothing, and keeps no email', async () => {
    const address = freshAddress();
    const t0 = new Date();
    expect(await fail(5, 'nobody@example.org', address, t0)).toEqual(Array(5).fill('wrong'));
    expect(await attemptSignIn(db, 'nobody@example.org', PASSWORD, address, { now: t0 })).toEqual({
      status: 'throttled',
      waitSeconds: 1,
    });
    const error = await authorize('nobody@example.org', PASSWORD, { 'x-forwarded-for': address }).catch(
      (e: Error) => e.message,
    );
    expect(throttledWait(String(error))).toBeGreaterThan(0);
    const keys = (await db.select({ key: throttleTable.key }).from(throttleTable)).map((row) => row.key);
    expect(keys).toContain(signInThrottles.emailFromAddress('nobody@example.org', address).key);
    expect(keys.join(' ')).not.toContain('nobody');
  });

  it('slows an address that sprays many emails before hashing anything, and leaves other addresses alone', async () => {
    const user = await account('ash@example.org');
    const spraying = freshAddress();
    const t0 = new Date();
    for (let i = 0; i < 30; i++) expect(await fail(1, `guess-${i}@example.org`, spraying, t0)).toEqual(['wrong']);
    const hashes = vi.spyOn(await import('./password'), 'verifyPassword');
    const refused = await attemptSignIn(db, 'fresh@example.org', 'a first try', spraying, { now: t0 });
    expect(refused.status).toBe('throttled');
    expect(hashes).not.toHaveBeenCalled();
    hashes.mockRestore();
    // A colleague on a known device behind that address is not slowed; another address is not affected.
    expect(
      await attemptSignIn(db, 'ash@example.org', PASSWORD, spraying, { knownDevice: true, now: t0 }),
    ).toMatchObject({ status: 'signed-in', user: { id: user.id } });
    expect(await attemptSignIn(db, 'ash@example.org', PASSWORD, freshAddress(), { now: t0 })).toMatchObject({
      status: 'signed-in',
    });
  });

  it('lets only the allowed attempts through when many arrive at once', async () => {
    const address = freshAddress();
    const t0 = new Date();
    const oneEmail = await Promise.all(
      Array.from({ length: 15 }, (_, i) => attemptSignIn(db, 'burst@example.org', `guess ${i}`, address, { now: t0 })),
    );
    // Five free failures, then the sixth finds a wait: however they interleave, no more slip through.
    expect(oneEmail.filter((a) => a.status === 'wrong')).toHaveLength(5);
    expect(oneEmail.filter((a) => a.status === 'throttled')).toHaveLength(10);
    const [row] = await db
      .select({ failures: throttleTable.failures })
      .from(throttleTable)
      .where(like(throttleTable.key, signInThrottles.emailFromAddress('burst@example.org', address).key));
    expect(row?.failures).toBe(5);
  });

  it('a new password from a link ends the waits for that email from every address', async () => {
    const user = await account('finn@example.org');
    const t0 = new Date();
    const first = freshAddress();
    expect(await fail(6, 'finn@example.org', first, t0)).toContain('throttled');
    await forgetSignInFailures(db, 'finn@example.org');
    expect(await attemptSignIn(db, 'finn@example.org', PASSWORD, first, { now: t0 })).toMatchObject({
      status: 'signed-in',
      user: { id: user.id },
    });
  });

  it('says a wrong password with null, and a failure on our side with its own error', async () => {
    const user = await account('sol@example.org');
    expect(await authorize('sol@example.org', 'not it', { 'x-forwarded-for': freshAddress() })).toBeNull();
    expect((await authorize('SOL@example.org', PASSWORD, {}))?.id).toBe(user.id);
    const working = current.db;
    current.db = {
      select: () => {
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
