import type { Page } from '@playwright/test';
import { demo, expect, test } from './fixtures';
import { AbsencesPage, AdminPage } from './pages/admin-pages';
import { SignInPage } from './pages/sign-in-page';

/** A Tuesday at least `minDays` ahead, as YYYY-MM-DD (London and UTC agree on the date at noon). */
function tuesdayAfter(minDays: number): Date {
  const day = new Date(Date.now() + minDays * 86_400_000);
  day.setUTCHours(12, 0, 0, 0);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

async function addPerson(page: Page, given: string, family: string) {
  await page.goto('/people/new');
  await page.getByLabel('First name').fill(given);
  await page.getByLabel('Last name').fill(family);
  await page.getByRole('button', { name: 'Add to the caseload' }).click();
  await expect(page.getByRole('heading', { name: `${given} ${family}`, level: 1 })).toBeVisible();
  return page.url();
}

test.describe('crisis meetings, series and moving a meeting', () => {
  test('a crisis meeting within 24 hours of the referral: two practitioners, a peer worker preferred, who become the core team', async ({
    page,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    await addPerson(page, 'Kit', 'Crisiswood');

    // Just referred, nothing booked: the person's page points to the crisis path.
    await expect(page.getByRole('status').filter({ hasText: 'with nothing booked yet' })).toBeVisible();
    await page.getByRole('link', { name: 'Find two practitioners for a first meeting within 24 hours' }).click();
    await expect(
      page.getByRole('heading', { name: 'Crisis meeting with Kit within 24 hours', level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'left to the 24-hour mark' })).toBeVisible();
    await expectAccessible(page);

    // Phone call, so no place is needed; nothing chosen is refused beside the choice.
    await page.getByLabel('Where').selectOption('phone');
    await page.getByRole('button', { name: 'Find two free practitioners' }).click();
    await page.getByRole('button', { name: 'Book the crisis meeting' }).click();
    await expect(page.locator('#option-error')).toHaveText('Choose one of the times');

    const options = page.getByRole('group', { name: 'Soonest times two practitioners are free' }).getByRole('radio');
    await expect(options.first()).toBeVisible();
    // Prefer an option with the peer support worker in it, as a practitioner would.
    const withPeer = page.locator('label.slot').filter({ hasText: 'peer support worker' }).first();
    const chosen = (await withPeer.count()) > 0 ? withPeer : page.locator('label.slot').first();
    const who = (await chosen.locator('.slot-notes').textContent()) ?? '';
    await chosen.getByRole('radio').check();
    await expect(page.getByLabel(/The two who go become Kit.s core team/)).toBeChecked();
    await page.getByRole('button', { name: 'Book the crisis meeting' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Coming up' })).toContainText('Crisis');
    const names = [...who.matchAll(/([A-Z][a-z]+ [A-Z][a-z]+) \(/g)].map((m) => m[1]!);
    expect(names).toHaveLength(2);
    const core = page.getByRole('list', { name: 'Current core team' });
    for (const name of names) await expect(core).toContainText(name);
  });

  test('a weekly series with a clash listed before saving, then moving one meeting and cancelling the rest', async ({
    page,
    browser,
    signInPage,
    expectAccessible,
  }) => {
    // Tuesdays after the demo data's last booking, so only this test's own leave clashes.
    const start = tuesdayAfter(demo.clearFromDay);
    // An administrator records Sam Patel's leave on the second Tuesday, so that occurrence clashes.
    const admin = await browser.newPage();
    const adminSignIn = new SignInPage(admin);
    await adminSignIn.goto();
    await adminSignIn.signIn(demo.admin, demo.password);
    await admin.waitForURL(/\/today$/);
    await new AdminPage(admin).openPractitioner('Sam Patel');
    await admin.getByRole('link', { name: 'See and change absences' }).click();
    const absences = new AbsencesPage(admin);
    await absences.expectLoaded('Sam Patel');
    await absences.add({
      reason: 'Leave',
      firstDay: ymd(plusDays(start, 7)),
      lastDay: ymd(plusDays(start, 7)),
      note: 'Series test',
    });
    await expect(absences.rows().filter({ hasText: 'Series test' })).toContainText('Leave');
    await admin.close();

    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    const personUrl = await addPerson(page, 'Sol', 'Serieston');

    await page.getByRole('link', { name: 'Book a meeting' }).click();
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Sam Patel must be there').check();
    await page.getByLabel('Where').selectOption('phone');
    await page.getByLabel('From').fill(ymd(start));
    await page.getByLabel('Until').fill(ymd(start));
    await page.getByLabel('Repeat', { exact: true }).selectOption('weekly');
    await page.getByLabel('How many meetings, if it repeats').selectOption('3');
    await page.getByRole('button', { name: 'Find free times' }).click();
    await expect(
      page.getByRole('group', { name: 'First meeting of the series: free times, best first' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Check every meeting' }).click();

    // Nothing is saved yet: the clash is listed with who and why.
    await expect(page.getByRole('heading', { name: 'Weekly network meetings with Sol', level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '2 of 3 meetings are free. One clashes' })).toBeVisible();
    const clash = page.locator('.occurrence-clash');
    await expect(clash).toContainText('Sam Patel is away (leave)');
    await expect(clash.getByLabel('Leave this one out')).toBeChecked();
    await expectAccessible(page);
    await page.goto(personUrl);
    await expect(page.getByRole('region', { name: 'Coming up' })).toContainText('Nothing booked.');
    await page.goBack();
    await page.getByRole('button', { name: 'Book the series' }).click();

    await expect(page.getByRole('status').filter({ hasText: '2 meetings are booked' })).toBeVisible();
    const coming = page.getByRole('region', { name: 'Coming up' });
    await expect(coming.getByRole('row')).toHaveCount(3);

    // Move the first one to another free time.
    await coming.getByRole('link').first().click();
    await expect(page.getByText('Part of a series: 1 more booked after this one')).toBeVisible();
    const before = (await page.locator('dt:has-text("When") + dd').textContent()) ?? '';
    await page.getByRole('link', { name: 'Move this meeting', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Move the network meeting', level: 1 })).toBeVisible();
    await expectAccessible(page);
    const other = page.locator('label.slot').nth(1);
    const newTime = (await other.locator('.slot-time').textContent()) ?? '';
    await other.getByRole('radio').check();
    await page.getByRole('button', { name: 'Move to this time' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting has moved' })).toBeVisible();
    const after = (await page.locator('dt:has-text("When") + dd').textContent()) ?? '';
    expect(after).not.toEqual(before);
    expect(after).toContain(newTime.split('–')[0]!);

    // Cancel it and the rest of the series, with a reason.
    await page.getByLabel('This one and the rest of the series (2 meetings)').check();
    await page.getByLabel('Why it is cancelled').fill('Sol has moved to another area');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByText('Cancelled: Sol has moved to another area')).toBeVisible();
    await page.goto(personUrl);
    await expect(page.getByRole('region', { name: 'Coming up' })).toContainText('Nothing booked.');
  });
});
