import type { Page } from '@playwright/test';
import { demo, expect, test } from './fixtures';

const DAY = 86_400_000;
/** Noon UTC `days` from now, as YYYY-MM-DD (London and UTC agree on the date at noon). */
function daysFromNow(days: number): Date {
  const day = new Date(Date.now() + days * DAY);
  day.setUTCHours(12, 0, 0, 0);
  return day;
}
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

async function addPerson(page: Page, given: string, family: string) {
  await page.goto('/people/new');
  await page.getByLabel('First name').fill(given);
  await page.getByLabel('Last name').fill(family);
  await page.getByRole('button', { name: 'Add to the caseload' }).click();
  await expect(page.getByRole('heading', { name: `${given} ${family}`, level: 1 })).toBeVisible();
  return page.url();
}

/** The message shown beside a field of the search, under its input. */
function fieldError(page: Page, label: string) {
  return page
    .locator('.field')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.field-error');
}

test.describe('the slot search and the series are bounded', () => {
  test('a search over 20 weeks is refused beside Until, with both dates kept; 12 weeks is searched', async ({
    page,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    await addPerson(page, 'Bo', 'Boundsworth');

    await page.getByRole('link', { name: 'Book a meeting' }).click();
    await expect(page.getByRole('heading', { name: 'Book a meeting with Bo', level: 1 })).toBeVisible();
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Where').selectOption('phone');
    const from = daysFromNow(7);
    const until = plusDays(from, 20 * 7);
    await page.getByLabel('From', { exact: true }).fill(ymd(from));
    await page.getByLabel('Until', { exact: true }).fill(ymd(until));
    await page.getByRole('button', { name: 'Find free times' }).click();

    await expect(fieldError(page, 'Until')).toHaveText('Search at most 12 weeks at a time');
    await expect(page.getByLabel('Until', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('From', { exact: true })).toHaveValue(ymd(from));
    await expect(page.getByLabel('Until', { exact: true })).toHaveValue(ymd(until));
    await expect(page.getByLabel('Alex Morgan must be there')).toBeChecked();
    // Nothing was searched: no times to choose from, and no "nothing is free" either.
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was searched' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Free times, best first' })).toHaveCount(0);
    await expect(page.getByText('No free time fits these dates')).toHaveCount(0);
    await expectAccessible(page);

    // Twelve weeks, both days counted, is searched.
    await page.getByLabel('Until', { exact: true }).fill(ymd(plusDays(from, 12 * 7 - 1)));
    await page.getByRole('button', { name: 'Find free times' }).click();
    await expect(page.getByLabel('Until', { exact: true })).toHaveValue(ymd(plusDays(from, 12 * 7 - 1)));
    await expect(fieldError(page, 'Until')).toHaveCount(0);
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was searched' })).toHaveCount(0);
  });

  test('a series of more than 12 meetings is refused beside the count, from the address too', async ({
    page,
    signInPage,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    const personUrl = await addPerson(page, 'Cy', 'Countwell');

    await page.goto(`${personUrl}/meetings/new?repeat=weekly&count=20&location=phone`);
    await expect(fieldError(page, 'How many meetings, if it repeats')).toHaveText('At most 12 meetings in a series');
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was searched' })).toBeVisible();

    // The series check sends such an address back to the search rather than checking 20 meetings.
    const start = daysFromNow(14).toISOString();
    await page.goto(
      `${personUrl}/meetings/series?repeat=weekly&count=20&location=phone&required=00000000-0000-4000-8000-000000000000&start=${encodeURIComponent(start)}`,
    );
    await expect(page).toHaveURL(/\/meetings\/new\?/);
    await expect(fieldError(page, 'How many meetings, if it repeats')).toHaveText('At most 12 meetings in a series');
  });
});
