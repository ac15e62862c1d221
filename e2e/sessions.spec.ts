import { createHash } from 'node:crypto';
import postgres from 'postgres';
import { demo, expect, postgresApp, test } from './fixtures';

/**
 * Sessions that end when they should: a cookie copied before signing out is dead, "sign out
 * everywhere" ends every device at once, and a device that has signed in before is not slowed
 * by failures others make in its owner's name. Each test uses a demo account no other spec
 * signs in with, as its own browser contexts.
 */
test.describe('sessions', () => {
  async function signInAs(page: import('@playwright/test').Page, email: string, base = '') {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  test('a session cookie copied before signing out does not work after it', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, 'tom.reilly@example.org');
    await page.waitForURL(/\/today$/);
    const copied = await context.cookies();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto('/today');
    await expect(stolen).toHaveURL(/\/sign-in/);
    await expect(stolen.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  });

  test('“Sign out everywhere” on the account page ends the session on every device, and signing in again works', async ({
    browser,
    expectAccessible,
  }) => {
    const laptop = await (await browser.newContext()).newPage();
    const phone = await (await browser.newContext()).newPage();
    await signInAs(laptop, 'maya.okafor@example.org');
    await laptop.waitForURL(/\/today$/);
    await signInAs(phone, 'maya.okafor@example.org');
    await phone.waitForURL(/\/today$/);

    await laptop.getByRole('link', { name: 'Maya Okafor' }).click();
    await expect(laptop.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
    await expect(laptop.getByText('maya.okafor@example.org')).toBeVisible();
    await expectAccessible(laptop);
    await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(laptop).toHaveURL(/\/sign-in\?signedOut=everywhere/);
    await expect(laptop.getByRole('status')).toHaveText('You are signed out on every device. Sign in again here.');

    await phone.goto('/people');
    await expect(phone).toHaveURL(/\/sign-in/);

    await signInAs(laptop, 'maya.okafor@example.org');
    await laptop.waitForURL(/\/today$/);
  });

  test('failures in someone’s name slow new devices but not the one they have signed in on before', async ({
    browser,
  }) => {
    const email = 'leah.novak@example.org';
    const own = await (await browser.newContext()).newPage();
    await signInAs(own, email, postgresApp);
    await own.waitForURL(`${postgresApp}/today`);
    await own.getByRole('button', { name: 'Sign out' }).click();
    await own.waitForURL(/\/sign-in/);

    // Someone has been failing for this email from many addresses: the email's wait is a minute
    // (made in the database, so the browser's pace cannot outrun it).
    const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1 });
    const key = `email:${createHash('sha256').update(email).digest('hex')}`;
    try {
      await sql`insert into sign_in_throttles (key, failures, last_failure_at) values (${key}, 16, now())
        on conflict (key) do update set failures = 16, last_failure_at = now()`;

      const stranger = await (await browser.newContext()).newPage();
      await signInAs(stranger, email, postgresApp);
      await expect(stranger.locator('.alert-error')).toContainText('Too many attempts to sign in. Please wait');

      await signInAs(own, email, postgresApp);
      await own.waitForURL(`${postgresApp}/today`);
    } finally {
      await sql`delete from sign_in_throttles where key = ${key}`;
      await sql.end();
    }
  });
});
