import { demo, expect, test } from './fixtures';

test.describe('booking a network meeting', () => {
  test('book from a person’s page with two practitioners, see it on the person and on Today, then cancel it', async ({
    page,
    signInPage,
    todayPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();

    await page.goto('/people/new');
    await page.getByLabel('First name').fill('Rowan');
    await page.getByLabel('Last name').fill('Bookwell');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Rowan Bookwell', level: 1 })).toBeVisible();
    const personUrl = page.url();

    await page.getByRole('link', { name: 'Book a meeting' }).click();
    await expect(page.getByRole('heading', { name: 'Book a meeting with Rowan' })).toBeVisible();
    // No core team yet: say so rather than search for nobody.
    await expect(page.getByText('Choose at least one practitioner who must be there')).toBeVisible();
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Sam Patel must be there').check();
    await page.getByLabel('Where').selectOption('clinic');
    await page.getByRole('button', { name: 'Find free times' }).click();
    await expect(page.getByRole('group', { name: 'Free times, best first' })).toBeVisible();
    await expectAccessible(page);

    // Clinic meetings need a place: refused beside the field, with the chosen time kept.
    const first = page.getByRole('radio').first();
    const when = (await first.locator('xpath=..').locator('.slot-time').textContent()) ?? '';
    await first.check();
    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect(page.locator('.field-error').filter({ hasText: 'Say where, so everyone can find it' })).toBeVisible();
    await page.getByLabel('Place').fill('Riverside Health Centre, room 2');
    if (!(await page.getByRole('radio').first().isChecked())) await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Book this time' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();
    const coming = page.getByRole('region', { name: 'Coming up' });
    await expect(coming.getByRole('row')).toHaveCount(2);
    await expect(coming).toContainText(when);
    await expect(coming).toContainText('Alex Morgan, Sam Patel');
    await expect(coming).toContainText('Riverside Health Centre, room 2');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await expect(todayPage.meetings().filter({ hasText: 'Rowan Bookwell' })).toContainText(
      'With Sam Patel (peer support worker)',
    );

    // Cancel it, with a reason: it leaves the person's coming meetings and Today at once.
    await page.goto(personUrl);
    await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Network meeting with Rowan' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Cancel this meeting' }).click();
    await expect(page.locator('.field-error')).toHaveText('Say why, so the team and the network understand');
    await page.getByLabel('Why it is cancelled').fill('Rowan asked to meet next week instead');
    await page.getByRole('button', { name: 'Cancel this meeting' }).click();
    await expect(page.getByText('Cancelled: Rowan asked to meet next week instead')).toBeVisible();
    await page.goto(personUrl);
    await expect(page.getByRole('region', { name: 'Coming up' })).toContainText('Nothing booked.');
    await page.goto('/today');
    await expect(todayPage.meetings().filter({ hasText: 'Rowan Bookwell' })).toHaveCount(0);
  });
});
