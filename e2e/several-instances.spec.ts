import postgres from 'postgres';
import { hashPassword } from '../lib/auth/password';
import { demo, expect, test } from './fixtures';

/**
 * Two app instances on one PostgreSQL database: sessions are signed cookies checked against
 * the database, so either instance serves a signed-in user, and disabling a user ends their
 * access on their very next request, wherever it lands.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
const base = Number(process.env.E2E_PORT ?? 3100);
const instanceA = `http://127.0.0.1:${base + 1}`;
const instanceB = `http://127.0.0.1:${base + 2}`;

test.describe('several app instances on one PostgreSQL database', () => {
  test.beforeAll(() => {
    if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test`');
  });

  test('both instances show the same meetings, and a session from one works on the other', async ({
    page,
    signInPage,
    todayPage,
  }) => {
    await page.goto(`${instanceA}/sign-in`);
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(`${instanceA}/today`);
    const onA = await todayPage.meetings().allTextContents();
    expect(onA.length).toBeGreaterThan(0);

    // The same cookie, sent to the other instance (cookies are per host name, not per port).
    await page.goto(`${instanceB}/today`);
    await todayPage.expectLoaded();
    expect(await todayPage.meetings().allTextContents()).toEqual(onA);
  });

  test('disabling a user ends their access on their next request', async ({ page, signInPage, todayPage }) => {
    const sql = postgres(databaseUrl!, { max: 1 });
    const email = `disabled-${Date.now()}@example.org`;
    try {
      const [team] = await sql<{ id: string }[]>`select id from teams limit 1`;
      const [user] = await sql<{ id: string }[]>`
        insert into users (email, name, password_hash, role, discipline)
        values (${email}, 'Casey Leaving', ${await hashPassword('a-password-for-casey')}, 'practitioner', 'nurse')
        returning id`;
      await sql`insert into team_members (team_id, user_id) values (${team!.id}, ${user!.id})`;

      await page.goto(`${instanceA}/sign-in`);
      await signInPage.signIn(email, 'a-password-for-casey');
      await page.waitForURL(`${instanceA}/today`);
      await expect(page.getByText('Hello Casey.')).toBeVisible();

      await sql`update users set disabled_at = now() where id = ${user!.id}`;
      await page.goto(`${instanceB}/today`);
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto(`${instanceA}/today`);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(todayPage.heading()).toHaveCount(0);

      // And they cannot sign in again.
      await signInPage.signIn(email, 'a-password-for-casey');
      await expect(signInPage.error()).toBeVisible();
    } finally {
      await sql.end();
    }
  });
});
