import { demo, expect, test } from './fixtures';
import { AbsencesPage, AdminPage } from './pages/admin-pages';
import { CalendarPage } from './pages/calendar-page';
import { SignInPage } from './pages/sign-in-page';

/** Calendar days in the demo team's zone, worked out here the way a person would read them. */
const zone = 'Europe/London';
const dayIn = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
const addDays = (key: string, days: number) =>
  new Date(Date.parse(`${key}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (key: string) => addDays(key, -((new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7));

test.describe('the week calendar', () => {
  test('a meeting booked from a person’s page is on my week and the team’s; weeks move; today is marked', async ({
    page,
    browser,
    signInPage,
    todayPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();

    // Book a meeting with Alex and Sam from a new person's page.
    await page.goto('/people/new');
    await page.getByLabel('First name').fill('Wren');
    await page.getByLabel('Last name').fill('Weekley');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Wren Weekley', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Book a meeting' }).click();
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Sam Patel must be there').check();
    await page.getByLabel('Where').selectOption('clinic');
    await page.getByRole('button', { name: 'Find free times' }).click();
    const first = page.getByRole('radio').first();
    const startsAt = new Date((await first.getAttribute('value')) ?? '');
    const time = (await first.locator('xpath=..').locator('.slot-time').textContent()) ?? '';
    await first.check();
    await page.getByLabel('Place').fill('Riverside Health Centre, room 4');
    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();
    const meetingDay = dayIn(startsAt);

    // The calendar is in the main navigation; it opens on my week, this week, with today marked.
    const calendar = new CalendarPage(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My week' })).toBeVisible();
    const today = dayIn(new Date());
    await expect(calendar.today()).toHaveCount(1);
    await expect(calendar.today()).toHaveAttribute('aria-labelledby', `day-${today}`);
    await expect(calendar.today().getByRole('heading', { level: 2 })).toContainText('Today');
    await expect(calendar.weekLink('This week')).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page);

    // Next week, the week after it, back, and this week again.
    await calendar.weekLink('Next week').click();
    await expect(page).toHaveURL(new RegExp(`week=${addDays(mondayOf(today), 7)}`));
    await expect(calendar.day(addDays(mondayOf(today), 7))).toBeVisible();
    await expect(calendar.today()).toHaveCount(0);
    await expect(calendar.weekLink('This week')).not.toHaveAttribute('aria-current', 'page');
    await calendar.weekLink('Previous week').click();
    await expect(page).toHaveURL(new RegExp(`week=${mondayOf(today)}`));
    await expect(calendar.today()).toHaveCount(1);
    await calendar.weekLink('Previous week').click();
    await expect(page).toHaveURL(new RegExp(`week=${addDays(mondayOf(today), -7)}`));
    await expect(calendar.day(addDays(mondayOf(today), -7))).toBeVisible();
    await calendar.weekLink('This week').click();
    await expect(page).toHaveURL(/\/calendar$/);
    await expect(calendar.today()).toHaveCount(1);

    // The booked meeting, on my week: its time in the team's zone, the person, the place.
    await calendar.open(`?week=${meetingDay}`);
    const mine = calendar.day(meetingDay).locator('.cal-meeting').filter({ hasText: 'Wren Weekley' });
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText(time);
    await expect(mine).toContainText('At the clinic');

    // And on the team's week, in Alex's row and in Sam's; switching view keeps the week.
    await calendar.viewLink('Team week').click();
    await expect(page).toHaveURL(/view=team/);
    await expect(page.getByRole('heading', { level: 1, name: 'Team week' })).toBeVisible();
    await expect(calendar.day(meetingDay)).toBeVisible();
    await expect(
      calendar.cell(meetingDay, 'Alex Morgan (you)').getByRole('link', { name: 'Wren Weekley' }),
    ).toBeVisible();
    await expect(calendar.cell(meetingDay, 'Sam Patel').getByRole('link', { name: 'Wren Weekley' })).toBeVisible();
    await expect(calendar.cell(meetingDay, 'Priya Shah').getByRole('link', { name: 'Wren Weekley' })).toHaveCount(0);
    await expectAccessible(page);

    // The person's name opens the meeting.
    await calendar.cell(meetingDay, 'Sam Patel').getByRole('link', { name: 'Wren Weekley' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Network meeting with Wren' })).toBeVisible();

    // Absences show on the team week: an administrator records a day of leave for Priya.
    const leaveDay = addDays(today, demo.clearFromDay);
    const admin = await browser.newPage();
    const adminSignIn = new SignInPage(admin);
    await adminSignIn.goto();
    await adminSignIn.signIn(demo.admin, demo.password);
    await admin.waitForURL(/\/today$/);
    await new AdminPage(admin).openPractitioner('Priya Shah');
    await admin.getByRole('link', { name: 'See and change absences' }).click();
    const absences = new AbsencesPage(admin);
    await absences.expectLoaded('Priya Shah');
    await absences.add({ reason: 'Leave', firstDay: leaveDay, lastDay: leaveDay, note: 'Calendar test' });
    await expect(absences.rows().filter({ hasText: 'Calendar test' })).toContainText('Leave');
    await admin.close();
    await calendar.open(`?view=team&week=${leaveDay}`);
    await expect(calendar.cell(leaveDay, 'Priya Shah')).toContainText('On leave');
  });

  test('another team’s calendar is not found', async ({ page, signInPage, todayPage }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
    const response = await page.goto('/calendar?view=team&team=00000000-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(404);
  });

  test('the team week reads as a list per day on a phone, with nothing wider than the screen @phone', async ({
    page,
    signInPage,
    todayPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
    const calendar = new CalendarPage(page);
    await calendar.open('?view=team');
    await expect(calendar.today()).toContainText('Today');
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const monday = mondayOf(dayIn(new Date()));
    const [first, second] = [
      await calendar.day(monday).boundingBox(),
      await calendar.day(addDays(monday, 1)).boundingBox(),
    ];
    if ((page.viewportSize()?.width ?? 0) < 600) {
      // Stacked: Tuesday starts below Monday, and each day takes the width of the screen.
      expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
      expect(first!.width).toBeGreaterThan((page.viewportSize()?.width ?? 0) * 0.8);
    } else {
      // A laptop: the days side by side.
      expect(second!.x).toBeGreaterThan(first!.x);
      expect(second!.y).toBe(first!.y);
    }
    await expectAccessible(page);
    await calendar.open();
    const mine = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(mine).toBeLessThanOrEqual(0);
  });
});
