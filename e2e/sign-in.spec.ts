import { createHash } from 'node:crypto';
import postgres from 'postgres';
import { throttledWait } from '../lib/auth/sign-in-errors';
import { demo, expect, postgresApp, test } from './fixtures';

test.describe('signing in and out', () => {
  test('a signed-out visitor is sent to sign in and comes back where they were going', async ({
    page,
    signInPage,
    todayPage,
  }) => {
    await page.goto('/today');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ftoday/);
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
  });

  // `%09` is a tab and `%0A` a newline. Browsers drop both from an address, so `/<tab>/evil.example`
  // was read as `//evil.example`, another site; and Node refused the newline in the Location
  // header of the signed-in redirect, so that page answered 500.
  test('a return address with a tab or newline never leads to another site nor breaks the page', async ({
    page,
    baseURL,
    signInPage,
    todayPage,
  }) => {
    const tab = '/sign-in?callbackUrl=/%09/evil.example';
    const hostile = [
      tab,
      '/sign-in?callbackUrl=/%0A/evil.example',
      '/sign-in?callbackUrl=%5C%5Cevil.example',
      '/sign-in?callbackUrl=https%3A%2F%2Fevil.example',
    ];
    const origin = new URL(baseURL!).origin;
    // Signed out: the sign-in page itself.
    for (const url of hostile) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).not.toBe(500);
      expect(response.status(), url).toBe(200);
    }

    await signInPage.goto(tab);
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
    expect(new URL(page.url()).origin).toBe(origin);

    // Signed in: straight on to Today, never to the address given.
    for (const url of hostile) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).not.toBe(500);
      expect([302, 303, 307, 308], url).toContain(response.status());
      const location = new URL(response.headers()['location'] ?? '', `${origin}/`);
      expect(location.origin, url).toBe(origin);
      expect(location.pathname, url).toBe('/today');
    }
  });

  test('a wrong password gets a clear message and keeps the email typed @phone', async ({
    page,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await expectAccessible(page);
    await signInPage.signIn(demo.practitioner, 'not-the-password');
    await expect(signInPage.error()).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(demo.practitioner);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByLabel('Password')).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
  });

  test('an unknown email gets the same message, revealing nothing', async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn('nobody@example.org', demo.password);
    await expect(signInPage.error()).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue('nobody@example.org');
  });

  // Uses an email of its own with no account, so no demo account is slowed. The failed attempts
  // go straight to next-auth; the wait they earn is then lengthened in the database (on the
  // PostgreSQL instance), so the form's attempt meets it however long the browser takes.
  test('after 5 failed attempts from one place, sign-in asks to wait, calmly, with the email kept', async ({
    browser,
  }) => {
    const email = `nobody-${Date.now().toString(36)}@example.org`;
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${postgresApp}/sign-in`);
    const { csrfToken } = (await (await page.request.get(`${postgresApp}/api/auth/csrf`)).json()) as {
      csrfToken: string;
    };
    const attempt = async (password: string) => {
      const response = await page.request.post(`${postgresApp}/api/auth/callback/credentials`, {
        form: { email, password, csrfToken, json: 'true' },
      });
      const { url } = (await response.json()) as { url: string };
      return new URL(url).searchParams.get('error');
    };
    for (let i = 0; i < 5; i++) expect(await attempt(`not-it-${i}`)).toBe('CredentialsSignin');
    expect(throttledWait(await attempt('not-it-5'))).toBe(1);

    const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1 });
    try {
      const digest = createHash('sha256').update(email).digest('hex');
      const updated = await sql`update sign_in_throttles set failures = 11, last_failure_at = now()
        where key like ${`pair:${digest}:%`} returning key`;
      expect(updated).toHaveLength(1);
    } finally {
      await sql.end();
    }

    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.locator('.alert-error', { hasText: /Too many attempts to sign in\. Please wait \d+ seconds/ }),
    ).toContainText('Your account is not locked');
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a practitioner signs in, sees their upcoming meetings on Today, and signs out @phone', async ({
    page,
    signInPage,
    todayPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();

    // The seeded meetings, from the database: each with a time, the person, a place and the team.
    const summary = page.getByText(/You have \d+ network meetings? in the next 14 days/);
    await expect(summary).toBeVisible();
    const count = Number((await summary.textContent())?.match(/You have (\d+)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await expect(todayPage.meetings()).toHaveCount(count);
    const first = todayPage.meetings().first();
    await expect(first).toContainText(/\d{2}:\d{2}–\d{2}:\d{2}/);
    await expect(first).toContainText(/GMT|BST/);
    await expect(first).toContainText(/Home visit|In the community|At the clinic|Video call|Phone call/);
    await expect(
      todayPage.meetings().filter({ hasText: 'With Sam Patel (peer support worker)' }).first(),
    ).toBeVisible();

    // Only built pages are in the navigation.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(['Today', 'People', 'Calendar', 'Continuity', 'Outbox']);
    await expectAccessible(page);

    await todayPage.signOut();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/today');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('an unknown page says so plainly', async ({ page, signInPage, expectAccessible }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
    await expectAccessible(page);
  });
});
