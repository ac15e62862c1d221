import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setPasswordAction } from '@/app/(auth)/welcome/[token]/actions';
import WelcomePage from '@/app/(auth)/welcome/[token]/page';
import type { Db } from '@/db/client';
import { insertWelcomeLink } from '@/db/queries/welcome-links';
import { welcomeLinks } from '@/db/schema';
import { engines, openTestDatabase, type TestDatabase } from '@/db/testing/databases';
import { makeUser } from '@/db/testing/factories';
import { formData } from '@/db/testing/form-data';
import { idle } from '@/lib/actions/form-state';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { hashWelcomeToken, welcomeLinkExpiry, LINK_NO_LONGER_WORKS, newWelcomeToken } from './welcome-token';
import { TOO_MANY_DEAD_WELCOME_LINKS } from './welcome-link';

/**
 * The set-password page and its form, as the browser reaches them, with the request's client
 * address swapped for the test's: links that do not work are counted per address, and past 20
 * in 10 minutes every link from there that does not work is refused, kindly; a good one still opens.
 */
const current = vi.hoisted(() => ({ db: undefined as unknown, address: '192.0.2.1' }));
vi.mock('@/db/connection', () => import('@/db/testing/next-mocks').then((m) => m.connection(current)));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': current.address }) }));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => {},
}));

async function page(token: string): Promise<string> {
  return renderToStaticMarkup(
    await WelcomePage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) }),
  );
}

function submit(token: string) {
  return setPasswordAction(
    idle,
    formData({ token, password: 'river stones and quiet tea', confirm: 'river stones and quiet tea' }),
  );
}

describe.each(engines)('welcome link rate limits on %s', (engine) => {
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

  async function welcomeLinkFor(name: string) {
    const admin = await makeUser(db, { role: 'admin' });
    const user = await makeUser(db, { name });
    const token = newWelcomeToken();
    await insertWelcomeLink(db, {
      userId: user.id,
      tokenHash: hashWelcomeToken(token),
      createdBy: admin.id,
      expiresAt: welcomeLinkExpiry(new Date()),
    });
    return { user, token };
  }

  async function used(userId: string) {
    const [row] = await db
      .select({ usedAt: welcomeLinks.usedAt })
      .from(welcomeLinks)
      .where(eq(welcomeLinks.userId, userId));
    return row?.usedAt !== null;
  }

  it('after 20 links that do not work from an address, refuses dead ones kindly and still opens a good one', async () => {
    current.address = '192.0.2.10';
    const { user, token } = await welcomeLinkFor('Robin Ellis');
    expect(await page(token)).toContain('Welcome, Robin');

    // 20 links that do not work from one address, on the page and from the form alike.
    for (let i = 0; i < 10; i++) expect(await page(newWelcomeToken())).toContain('This link no longer works');
    for (let i = 0; i < 10; i++)
      expect(await submit(newWelcomeToken())).toMatchObject({ status: 'error', message: LINK_NO_LONGER_WORKS });

    // Dead links are now refused without a lookup's worth of detail; the good one still opens,
    // so a colleague behind the same office address is not locked out by someone else's typing.
    const refusedPage = await page(newWelcomeToken());
    expect(refusedPage).toContain('Please wait a few minutes');
    expect(refusedPage).toContain(TOO_MANY_DEAD_WELCOME_LINKS);
    expect(await submit(newWelcomeToken())).toMatchObject({ status: 'error', message: TOO_MANY_DEAD_WELCOME_LINKS });
    expect(await used(user.id)).toBe(false);
    expect(await page(token)).toContain('Welcome, Robin');
    expect(await submit(token)).toMatchObject({ status: 'success', data: { email: user.email } });
    expect(await used(user.id)).toBe(true);
  });

  it('counts the form’s dead links too: 20 from the form alone stop the page', async () => {
    current.address = '192.0.2.20';
    const { token } = await welcomeLinkFor('Sam Patel');
    for (let i = 0; i < 19; i++) await submit(newWelcomeToken());
    expect(await page(token)).toContain('Welcome, Sam');
    expect(await submit(newWelcomeToken())).toMatchObject({ message: LINK_NO_LONGER_WORKS });
    expect(await page(newWelcomeToken())).toContain(TOO_MANY_DEAD_WELCOME_LINKS);
    expect(await page(token)).toContain('Welcome, Sam');
  });

  it('ends the wait for failed sign-ins once a new password is set from a link', async () => {
    current.address = '192.0.2.40';
    const { user, token } = await welcomeLinkFor('Ash Kaur');
    // Failures from two addresses at one moment: the one with 5 waits, and the email's own
    // throttle (10 from anywhere) makes every new device wait.
    const now = new Date();
    for (let i = 0; i < 5; i++)
      expect((await attemptSignIn(db, user.email, `forgotten ${i}`, '192.0.2.41', { now })).status).toBe('wrong');
    for (let i = 0; i < 5; i++)
      expect((await attemptSignIn(db, user.email, `forgotten ${i}`, '192.0.2.42', { now })).status).toBe('wrong');
    expect((await attemptSignIn(db, user.email, 'river stones and quiet tea', '192.0.2.41', { now })).status).toBe(
      'throttled',
    );
    expect((await attemptSignIn(db, user.email, 'river stones and quiet tea', '192.0.2.43', { now })).status).toBe(
      'throttled',
    );
    expect(await submit(token)).toMatchObject({ status: 'success' });
    expect(await attemptSignIn(db, user.email, 'river stones and quiet tea', '192.0.2.43', { now })).toMatchObject({
      status: 'signed-in',
      user: { id: user.id },
    });
    expect(await attemptSignIn(db, user.email, 'river stones and quiet tea', '192.0.2.41', { now })).toMatchObject({
      status: 'signed-in',
      user: { id: user.id },
    });
  });

  it('does not count a good link, however often it is opened', async () => {
    current.address = '192.0.2.30';
    const { token } = await welcomeLinkFor('Finn Ward');
    for (let i = 0; i < 25; i++) expect(await page(token)).toContain('Welcome, Finn');
    expect(await page(newWelcomeToken())).toContain('This link no longer works');
  });
});
