import { SIGN_IN_ERRORS } from '../lib/auth/sign-in-errors';
import { demo, expect, test } from './fixtures';

test.describe('signing in and out', () => {
  test('a signed-out visitor is sent to sign in and comes back where they were going', async ({ page, signInPage, todayPage }) => {
    await page.goto('/today');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ftoday/);
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
  });

  test('a wrong password gets a clear message and keeps the email typed @phone', async ({ page, signInPage, expectAccessible }) => {
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

  // Uses an email with no account, so the demo accounts every spec signs in with are not
  // limited. The failed attempts go straight to next-auth (about a second); the form is then
  // used once to see what a person sees.
  test('after 10 failed attempts for one email, sign-in is refused with a calm message and the email stays typed', async ({ page, signInPage }) => {
    const email = 'nobody@example.org';
    await signInPage.goto();
    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    let throttled = false;
    // Earlier tests may already have failed for this email: stop as soon as the limit answers.
    for (let i = 0; i < 11 && !throttled; i++) {
      const response = await page.request.post('/api/auth/callback/credentials', { form: { email, password: `not-it-${i}`, csrfToken, json: 'true' } });
      const { url } = (await response.json()) as { url: string };
      throttled = new URL(url).searchParams.get('error') === SIGN_IN_ERRORS.throttled;
    }
    expect(throttled).toBe(true);

    await signInPage.signIn(email, demo.password);
    await expect(page.locator('.alert-error', { hasText: 'Too many attempts to sign in. Please wait 15 minutes' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a practitioner signs in, sees their upcoming meetings on Today, and signs out @phone', async ({ page, signInPage, todayPage, expectAccessible }) => {
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
    await expect(todayPage.meetings().filter({ hasText: 'With Sam Patel (peer support worker)' }).first()).toBeVisible();

    // Only built pages are in the navigation.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(['Today', 'People', 'Calendar', 'Outbox']);
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
