import { demo, expect, test } from './fixtures';

/** The headers every response carries, and the stricter ones where a secret is in the address. */
test.describe('security headers', () => {
  const common = (headers: Record<string, string>) => {
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
  };

  test('the sign-in page and a signed-in page: no framing, no sniffing, referrers kept to the app, personal pages never cached', async ({
    page,
    signInPage,
    todayPage,
  }) => {
    const signIn = await page.request.get('/sign-in');
    common(signIn.headers());
    expect(signIn.headers()['referrer-policy']).toBe('same-origin');

    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
    const today = await page.request.get('/today', { maxRedirects: 0 });
    expect(today.status()).toBe(200);
    common(today.headers());
    expect(today.headers()['referrer-policy']).toBe('same-origin');
    expect(today.headers()['cache-control']).toContain('no-store');
  });

  test('addresses that hold a secret never send it on as a referrer', async ({ page }) => {
    const invitation = await page.request.get(`/invite/${'x'.repeat(43)}`);
    expect(invitation.status()).toBe(404);
    expect(invitation.headers()['referrer-policy']).toBe('no-referrer');
    expect(invitation.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(invitation.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const welcome = await page.request.get(`/welcome/${'y'.repeat(43)}`);
    common(welcome.headers());
    expect(welcome.headers()['referrer-policy']).toBe('no-referrer');
    const feed = await page.request.get(`/api/calendar-feeds/${'z'.repeat(43)}.ics`);
    expect(feed.headers()['referrer-policy']).toBe('no-referrer');
  });
});
