import { SIGN_IN_ERRORS } from '../lib/auth/sign-in-errors';
import { demo, expect, test } from './fixtures';

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

  // Uses an email with no account, so the demo accounts every spec signs in with are not
  // limited. The failed attempts go straight to next-auth (about a second); the form is then
  // used once to see what a person sees.
  test('after 10 failed attempts for one email, sign-in is refused with a calm message and the email stays typed', async ({
    page,
    signInPage,
  }) => {
    const email = 'nobody@example.org';
    await signInPage.goto();
    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    let throttled = false;
    // Earlier tests may already have failed for this email: stop as soon as the limit answers.
    for (let i = 0; i < 11 && !throttled; i++) {
      const response = await page.request.post('/api/auth/callback/credentials', {
        form: { email, password: `not-it-${i}`, csrfToken, json: 'true' },
      });
      const { url } = (await response.json()) as { url: string };
      throttled = new URL(url).searchParams.get('error') === SIGN_IN_ERRORS.throttled;
    }
    expect(throttled).toBe(true);

    await signInPage.signIn(email, demo.password);
    await expect(
      page.locator('.alert-error', { hasText: 'Too many attempts to sign in. Please wait 15 minutes' }),
    ).toBeVisible();
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
