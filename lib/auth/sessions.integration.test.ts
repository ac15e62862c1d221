import { eq } from 'drizzle-orm';
import { encode, type JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setAccessAction } from '@/app/(app)/admin/practitioners/actions';
import { signOutEverywhereAction } from '@/app/(app)/account/actions';
import * as GET_FEED from '@/app/api/calendar-feeds/[token]/route';
import type { Db } from '@/db/client';
import { insertWelcomeLink, redeemWelcomeLink } from '@/db/queries/welcome-links';
import { auditEvents, users } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeTeam, makeUser } from '@/db/testing/factories';
import { formData } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';
import { hashWelcomeToken, welcomeLinkExpiry, newWelcomeToken } from '@/lib/admin/welcome-token';
import { createCalendarFeed } from '@/lib/calendar/create-feed';
import { feedPath } from '@/lib/calendar/feed-token';
import { authSecret } from '@/lib/env';
import { authOptions } from './options';
import { currentUser } from './session';

/**
 * Sessions that can be ended: each test signs in the way next-auth does (the jwt callback, then
 * the encrypted cookie), keeps a copy of the cookie, and asks who that cookie is on a later
 * request, as every page does (lib/auth/session.ts).
 */
const current = vi.hoisted(() => ({ db: undefined as unknown, cookie: undefined as string | undefined }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(current)));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === 'next-auth.session-token' && current.cookie ? { value: current.cookie } : undefined,
    has: () => false,
  }),
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.80' }),
}));
vi.mock('next/cache', () => import('@/db/testing/next-mocks').then((m) => m.cache));
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/navigation')>()),
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirectTo: to });
  },
}));

type Session = { cookie: string; token: JWT };

describe.each(engines)('ending sessions on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    db = database.db;
    current.db = db;
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Signs in as next-auth does after `authorize` accepted the password. */
  async function signIn(user: { id: string; email: string; name: string; sessionVersion: number }): Promise<Session> {
    const jwt = authOptions().callbacks!.jwt!;
    const token = await jwt({ token: { sub: undefined }, user, account: null, trigger: 'signIn' });
    token.exp = Math.floor(Date.now() / 1000) + 3600;
    return { token, cookie: await encode({ token, secret: authSecret() }) };
  }

  async function whoIs(session: Session | string | undefined) {
    current.cookie = typeof session === 'string' ? session : session?.cookie;
    return (await currentUser())?.id;
  }

  async function signOut(session: Session) {
    await authOptions().events!.signOut!({ token: session.token, session: { expires: '' } });
  }

  async function fresh() {
    const team = await makeTeam(db);
    return makeUser(db, { teamId: team.id, role: 'admin' });
  }

  it('signing out ends that session, a copy of its cookie too, and leaves the user’s other sessions', async () => {
    const user = await fresh();
    const laptop = await signIn(user);
    const phone = await signIn(user);
    expect(await whoIs(laptop)).toBe(user.id);
    const copied = laptop.cookie;

    await signOut(laptop);
    expect(await whoIs(copied)).toBeUndefined();
    expect(await whoIs(phone)).toBe(user.id);
    // Signing in again makes a new session that works.
    expect(await whoIs(await signIn(user))).toBe(user.id);
  });

  it('“sign out everywhere” ends every session of that user at once, this one too, and no one else’s', async () => {
    const user = await fresh();
    const other = await fresh();
    const laptop = await signIn(user);
    const phone = await signIn(user);
    const theirs = await signIn(other);

    current.cookie = laptop.cookie;
    await expect(signOutEverywhereAction(idle, formData({}))).rejects.toMatchObject({
      redirectTo: '/sign-in?signedOut=everywhere',
    });
    expect(await whoIs(laptop)).toBeUndefined();
    expect(await whoIs(phone)).toBeUndefined();
    expect(await whoIs(theirs)).toBe(other.id);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(audit).toMatchObject({ actorId: user.id, action: 'update', detail: { sessions: 'ended everywhere' } });

    const [again] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await whoIs(await signIn(again!))).toBe(user.id);
  });

  it('a new password ends the sessions made with the old one', async () => {
    const user = await fresh();
    const before = await signIn(user);
    const token = newWelcomeToken();
    await insertWelcomeLink(db, {
      userId: user.id,
      tokenHash: hashWelcomeToken(token),
      createdBy: user.id,
      expiresAt: welcomeLinkExpiry(new Date()),
    });
    await db.transaction((tx) => redeemWelcomeLink(tx, hashWelcomeToken(token), 'a-new-hash'));
    expect(await whoIs(before)).toBeUndefined();
  });

  it('turning access off ends sessions and the calendar address; turning it on again revives neither', async () => {
    const admin = await fresh();
    const user = await fresh();
    const session = await signIn(user);
    const { token: feedToken } = await createCalendarFeed(
      { db, actor: { actorId: user.id, origin: 'test' } },
      { userId: user.id },
    );
    const fetchFeed = async () =>
      (
        await GET_FEED.GET(new Request(`https://meetings.test${feedPath(feedToken)}`), {
          params: Promise.resolve({ token: `${feedToken}.ics` }),
        })
      ).status;
    expect(await fetchFeed()).toBe(200);

    const adminSession = await signIn(admin);
    current.cookie = adminSession.cookie;
    expect(await setAccessAction(idle, formData({ userId: user.id, access: 'disable' }))).toMatchObject({
      status: 'success',
    });
    expect(await whoIs(session)).toBeUndefined();
    expect(await fetchFeed()).toBe(404);

    current.cookie = adminSession.cookie;
    expect(await setAccessAction(idle, formData({ userId: user.id, access: 'enable' }))).toMatchObject({
      status: 'success',
    });
    expect(await whoIs(session)).toBeUndefined();
    expect(await fetchFeed()).toBe(404);
    // What does work again: signing in anew.
    const [enabled] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await whoIs(await signIn(enabled!))).toBe(user.id);
  });

  it('next-auth’s own session endpoint asks the same: an ended session is refused there too (its cookie then cleared)', async () => {
    const user = await fresh();
    const session = await signIn(user);
    const jwt = authOptions().callbacks!.jwt!;
    const asked = () => jwt({ token: { ...session.token }, user: undefined as never, account: null });
    await expect(asked()).resolves.toMatchObject({ sub: user.id });
    await signOut(session);
    await expect(asked()).rejects.toThrow('The session has ended');
  });

  it('a session ends 12 hours after signing in, however often it is used', async () => {
    const user = await fresh();
    const session = await signIn(user);
    const old = { ...session.token, sin: Math.floor(Date.now() / 1000) - 12 * 60 * 60 - 1 };
    expect(await whoIs(await encode({ token: old, secret: authSecret() }))).toBeUndefined();
    const jwt = authOptions().callbacks!.jwt!;
    await expect(jwt({ token: old, user: undefined as never, account: null })).rejects.toThrow('The session has ended');
    expect(await whoIs(session)).toBe(user.id);
  });

  it('a cookie made before sessions had ids is no session', async () => {
    const user = await fresh();
    const old = await encode({ token: { sub: user.id }, secret: authSecret() });
    expect(await whoIs(old)).toBeUndefined();
  });
});
