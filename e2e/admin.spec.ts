import { demo, expect, test } from './fixtures';
import {
  AbsencesPage,
  AdminPage,
  fieldError,
  InvitePage,
  TeamFormPage,
  WelcomePage,
  WorkingPatternPage,
} from './pages/admin-pages';
import { SignInPage } from './pages/sign-in-page';

/** A calendar day `days` from now, as a date field takes it. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe('administration', () => {
  test('a practitioner gets “not found” for every administration page, and no link to it', async ({
    page,
    signInPage,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    await expect(new AdminPage(page).navLink()).toHaveCount(0);
    for (const path of [
      '/admin',
      '/admin/teams',
      '/admin/teams/new',
      '/admin/practitioners',
      '/admin/practitioners/invite',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
    }
  });

  test('an administrator adds a team: a missing name is refused beside the field, then it is saved', async ({
    page,
    signInPage,
    expectAccessible,
  }) => {
    const admin = new AdminPage(page);
    await signInPage.goto();
    await signInPage.signIn(demo.admin, demo.password);
    await page.waitForURL(/\/today$/);
    await admin.navLink().click();
    await expect(page.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible();
    await expectAccessible(page);

    await admin.openTeams();
    await expect(page.getByRole('row').filter({ hasText: 'Riverside Open Dialogue Team' })).toContainText(
      'Europe/London',
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Add a team' }).first().click();
    const form = new TeamFormPage(page);
    await form.fill({ name: '   ', timeZone: 'Europe/Dublin', travel: '45' });
    await form.submit('Add team');
    await expect(form.errorBeside('Team name')).toHaveText('Enter the team’s name.');
    await expect(page.getByLabel('Travel time (minutes)')).toHaveValue('45');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Dublin');
    await expectAccessible(page);

    await form.fill({ name: 'Harbour Open Dialogue Team' });
    await form.submit('Add team');
    await expect(page.getByRole('heading', { name: 'Harbour Open Dialogue Team', level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'The team is added' })).toBeVisible();
    await expect(page.getByLabel('Travel time (minutes)')).toHaveValue('45');
    await expectAccessible(page);

    // How long personal links open a meeting's notes is the team's setting too.
    const reading = page.getByLabel('Reading period (days)');
    await expect(reading).toHaveValue('90');
    await reading.fill('0');
    await form.submit('Save settings');
    await expect(form.errorBeside('Reading period (days)')).toHaveText(
      'The reading period in days must be between 1 and 730.',
    );
    await expect(page.getByLabel('Travel time (minutes)')).toHaveValue('45');
    await reading.fill('30');
    await form.submit('Save settings');
    await expect(page.getByText('Team settings saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Reading period (days)')).toHaveValue('30');
  });

  test('an administrator invites a practitioner, who chooses a password from the link and signs in', async ({
    page,
    browser,
    signInPage,
    expectAccessible,
  }) => {
    const email = `robin.ellis.${Date.now()}@example.org`;
    await signInPage.goto();
    await signInPage.signIn(demo.admin, demo.password);
    await page.waitForURL(/\/today$/);

    const invite = new InvitePage(page);
    await invite.goto();
    await expectAccessible(page);
    await invite.invite({
      name: 'Robin Ellis',
      email,
      discipline: 'Peer support worker',
      team: 'Riverside Open Dialogue Team',
    });
    const link = await invite.link();
    expect(link).toMatch(/\/welcome\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole('heading', { name: 'Robin Ellis has been invited' })).toBeVisible();
    await expectAccessible(page);

    const admin = new AdminPage(page);
    await admin.openPractitioners();
    await expect(admin.practitionerRow('Robin Ellis')).toContainText('Invited, no password yet');
    await expect(admin.practitionerRow('Robin Ellis')).toContainText('Peer support worker');
    await expectAccessible(page);

    // The invitee, in their own browser, with no session.
    const theirs = await browser.newContext();
    const invitee = await theirs.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: 'Welcome, Robin', level: 1 })).toBeVisible();
    await expectAccessible(invitee);
    const welcome = new WelcomePage(invitee);
    await welcome.choosePassword('too short');
    await expect(fieldError(invitee, 'New password')).toContainText('at least 12 characters');
    await expectAccessible(invitee);
    await welcome.choosePassword('river stones and quiet tea');
    await expect(invitee.getByRole('status')).toContainText('Your password is saved');
    await invitee.getByRole('link', { name: 'Sign in' }).click();
    await invitee.getByLabel('Email address').fill(email);
    await invitee.getByLabel('Password').fill('river stones and quiet tea');
    await invitee.getByRole('button', { name: 'Sign in' }).click();
    await expect(invitee).toHaveURL(/\/today$/);
    await expect(invitee.getByText('Hello Robin.')).toBeVisible();

    // The link has done its work.
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
    await theirs.close();

    await page.reload();
    await expect(admin.practitionerRow('Robin Ellis')).toContainText('Active');
  });

  test('an administrator changes Alex Morgan’s Friday hours and sees them saved', async ({
    page,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.admin, demo.password);
    await page.waitForURL(/\/today$/);
    const admin = new AdminPage(page);
    await admin.openPractitioner('Alex Morgan');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Change the working pattern' }).click();

    const pattern = new WorkingPatternPage(page);
    await pattern.expectLoaded('Alex Morgan');
    await expect(page.getByText('Times are in Europe/London')).toBeVisible();
    await expect(pattern.from('Friday')).toHaveValue('09:00');
    await expectAccessible(page);

    // Two windows that overlap are refused beside the later one, and nothing typed is lost.
    await pattern.until('Friday').fill('13:00');
    await pattern.addTime('Friday');
    await pattern.from('Friday', 2).fill('12:30');
    await pattern.until('Friday', 2).fill('16:00');
    await pattern.save();
    await expect(
      page
        .locator('.field')
        .filter({ has: pattern.from('Friday', 2) })
        .locator('.field-error'),
    ).toContainText('overlaps 09:00–13:00');
    await expect(pattern.from('Friday', 2)).toHaveValue('12:30');
    await expect(pattern.until('Friday')).toHaveValue('13:00');
    await expectAccessible(page);

    await pattern.from('Friday', 2).fill('14:00');
    await pattern.save();
    await expect(page.getByRole('status').filter({ hasText: 'Alex Morgan’s working pattern is saved' })).toBeVisible();

    await page.reload();
    await expect(pattern.from('Friday')).toHaveValue('09:00');
    await expect(pattern.until('Friday')).toHaveValue('13:00');
    await expect(pattern.from('Friday', 2)).toHaveValue('14:00');
    await expect(pattern.until('Friday', 2)).toHaveValue('16:00');
    await page.getByRole('link', { name: 'Alex Morgan' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Friday' })).toHaveText(
      'Friday 09:00–13:00, 14:00–16:00',
    );
  });

  test('an administrator adds an absence, and an overlapping one is refused beside the field with the typed values kept', async ({
    page,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.admin, demo.password);
    await page.waitForURL(/\/today$/);
    await new AdminPage(page).openPractitioner('Alex Morgan');
    await page.getByRole('link', { name: 'See and change absences' }).click();
    const absences = new AbsencesPage(page);
    await absences.expectLoaded('Alex Morgan');
    await expectAccessible(page);

    const first = dayFromNow(40);
    const last = dayFromNow(44);
    await absences.add({ reason: 'Leave', firstDay: first, lastDay: last, note: 'Family visit' });
    await expect(page.getByRole('status').filter({ hasText: /Leave for Alex Morgan, .* is recorded/ })).toBeVisible();
    await expect(absences.rows().filter({ hasText: 'Family visit' })).toContainText('Leave');

    const clashFirst = dayFromNow(44);
    const clashLast = dayFromNow(46);
    await absences.add({
      reason: 'Training',
      firstDay: clashFirst,
      lastDay: clashLast,
      note: 'Dialogic practice course',
    });
    await expect(fieldError(page, 'First day away')).toContainText(
      'These dates overlap an absence already recorded: leave',
    );
    await expect(page.getByLabel('First day away')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Reason')).toHaveValue('training');
    await expect(page.getByLabel('First day away')).toHaveValue(clashFirst);
    await expect(page.getByLabel('Last day away')).toHaveValue(clashLast);
    await expect(page.getByLabel('Note')).toHaveValue('Dialogic practice course');
    await expect(absences.rows().filter({ hasText: 'Dialogic practice course' })).toHaveCount(0);
    await expectAccessible(page);

    // An end before the start is refused beside the last day.
    await absences.add({ reason: 'Training', firstDay: dayFromNow(60), lastDay: dayFromNow(58) });
    await expect(fieldError(page, 'Last day away')).toContainText('cannot be before the first day');
  });

  test('leave recorded over a booked meeting is saved, and the administrator, the meeting page and Today say who is away, with the way to move it', async ({
    page,
    browser,
    signInPage,
    todayPage,
    expectAccessible,
  }) => {
    // Alex books a meeting with Chris Byrne for someone new.
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
    await page.goto('/people/new');
    await page.getByLabel('First name').fill('Juniper');
    await page.getByLabel('Last name').fill('Leaveson');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Juniper Leaveson', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Book a meeting' }).click();
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Chris Byrne must be there').check();
    await page.getByLabel('Where').selectOption('clinic');
    await page.getByRole('button', { name: 'Find free times' }).click();
    const slot = page.getByRole('radio').first();
    const startsAt = new Date((await slot.getAttribute('value')) ?? '');
    await slot.check();
    await page.getByLabel('Place').fill('Riverside Health Centre, room 2');
    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();
    await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Network meeting with Juniper', level: 1 })).toBeVisible();
    const meetingPath = new URL(page.url()).pathname;
    await expect(page.getByRole('note').filter({ hasText: 'Chris' })).toHaveCount(0);

    // Afterwards the administrator, in another browser, records Chris's leave on that day (London, Chris's zone).
    const leaveDay = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(startsAt);
    const theirs = await browser.newContext();
    const adminPage = await theirs.newPage();
    const adminSignIn = new SignInPage(adminPage);
    await adminSignIn.goto();
    await adminSignIn.signIn(demo.admin, demo.password);
    await adminPage.waitForURL(/\/today$/);
    await new AdminPage(adminPage).openPractitioner('Chris Byrne');
    await adminPage.getByRole('link', { name: 'See and change absences' }).click();
    const absences = new AbsencesPage(adminPage);
    await absences.expectLoaded('Chris Byrne');
    const absencesUrl = adminPage.url();
    await absences.add({
      reason: 'Leave',
      firstDay: leaveDay,
      lastDay: leaveDay,
      note: 'Booked after Juniper’s meeting',
    });

    // Saved all the same, and told at once, beside the form: who is away, for which meetings, each linking to its page.
    const told = adminPage.getByRole('status').filter({
      hasText: /Chris is away for \d+ booked meetings?\. Move (it|them), or change who comes from the team\./,
    });
    await expect(told).toContainText(/Leave for Chris Byrne, .* is recorded\./);
    const link = told.getByRole('link', { name: /, with Juniper$/ });
    await expect(link).toHaveAttribute('href', meetingPath);
    await expect(absences.rows().filter({ hasText: 'Booked after Juniper’s meeting' })).toContainText('Leave');
    await expectAccessible(adminPage);

    // The meeting's page warns, with the way to move it or change who comes.
    await link.click();
    await expect(adminPage.getByRole('heading', { name: 'Network meeting with Juniper', level: 1 })).toBeVisible();
    const warning = adminPage.getByRole('note').filter({ hasText: 'Chris is on leave then.' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('link', { name: 'Move the meeting or change who comes' })).toHaveAttribute(
      'href',
      `${meetingPath.replace(/\/meetings\/.*$/, '/meetings/new')}?meeting=${meetingPath.split('/').pop()}`,
    );
    await expectAccessible(adminPage);

    // Alex's Today marks the meeting too.
    await page.goto('/today');
    const card = todayPage.meetings().filter({ hasText: 'Juniper Leaveson' });
    await expect(card).toContainText('Chris is away —');
    await expect(card.getByRole('link', { name: /^move or change the team/ })).toHaveAttribute('href', meetingPath);
    await expectAccessible(page);

    // Removing the leave takes the warning away (and leaves Chris's time as it was for other tests).
    await adminPage.goto(absencesUrl);
    await absences.expectLoaded('Chris Byrne');
    await absences
      .rows()
      .filter({ hasText: 'Booked after Juniper’s meeting' })
      .getByRole('button', { name: /^Remove/ })
      .click();
    await expect(absences.rows().filter({ hasText: 'Booked after Juniper’s meeting' })).toHaveCount(0);
    await page.reload();
    await expect(todayPage.meetings().filter({ hasText: 'Juniper Leaveson' })).not.toContainText('is away');
    await theirs.close();
  });

  test('the practitioners list fits a phone, its table scrolling on its own @phone', async ({
    page,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.admin, demo.password);
    await page.waitForURL(/\/today$/);
    await new AdminPage(page).openPractitioners();
    await expect(page.getByRole('link', { name: 'Alex Morgan', exact: true })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
