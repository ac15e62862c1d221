import type { Page } from '@playwright/test';
import { appPages, routeOf } from './app-pages';
import { demo, expect, test } from './fixtures';
import { AdminPage, InvitePage, TeamFormPage } from './pages/admin-pages';
import { PersonPages } from './pages/person-pages';

const phone = { width: 390, height: 844 };
test.use({ viewport: phone });

const DAY = 86_400_000;
const lettersOf = (n: number) => String(n).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

test.describe('every page fits a 390-px phone', () => {
  test('no page of the product, the sign-in page or the public pages scrolls sideways', async ({
    page,
    browser,
    signInPage,
    todayPage,
  }) => {
    test.setTimeout(240_000);
    const routes = appPages();
    const visited = new Set<string>();

    /** Soft, so every page is measured and each one too wide is named. */
    async function expectFits(p: Page, path = new URL(p.url()).pathname + new URL(p.url()).search) {
      await expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible();
      const { scrollWidth, innerWidth } = await p.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect
        .soft(scrollWidth, `${path} is ${scrollWidth} px wide on a ${innerWidth}-px screen`)
        .toBeLessThanOrEqual(innerWidth);
      visited.add(routeOf(path, routes));
    }
    async function visit(p: Page, path: string) {
      const response = await p.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expectFits(p, path);
    }

    // Signed out.
    await visit(page, '/sign-in');
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();

    // A practitioner: everything they can reach, with the data it needs made here.
    await visit(page, '/');
    await visit(page, '/today');
    await visit(page, '/people');
    await visit(page, '/people/new');
    await page.getByLabel('First name').fill('Noor');
    await page.getByLabel('Last name').fill('Narrowfield');
    // A long address with no spaces: it used to push the person's details past the screen.
    await page
      .getByLabel(/^Email/)
      .fill(`noor.narrowfield.${lettersOf(Date.now())}@community-mental-health.example.org`);
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Noor Narrowfield', level: 1 })).toBeVisible();
    const personUrl = page.url();
    const personPath = new URL(personUrl).pathname;
    await expectFits(page);

    const people = new PersonPages(page);
    await visit(page, `${personPath}/network/new`);
    await page.goto(personPath);
    await people.addMember({
      givenName: 'Rosalind',
      relationship: 'friend',
      kind: 'friend',
      closeness: 'inner',
      email: `rosalind.${lettersOf(Date.now())}@example.net`,
      channel: 'email',
      mayBeInvited: true,
    });
    await people.networkList().getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Consent history' })).toBeVisible();
    await expectFits(page);
    await visit(page, `${personPath}/edit`);
    await visit(page, `${personPath}/core-team`);
    await visit(page, `${personPath}/access`);
    await visit(page, `${personPath}/meetings/crisis`);

    // Book a meeting, with a search done, so the person's page has its table of meetings.
    await visit(page, `${personPath}/meetings/new`);
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Where').selectOption('phone');
    await page.getByRole('button', { name: 'Find free times' }).click();
    await expect(page.getByRole('group', { name: 'Free times, best first' })).toBeVisible();
    await expectFits(page);
    await page.getByRole('group', { name: 'Free times, best first' }).getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();
    await expectFits(page);

    // Its meeting page, and the invitation link the network member was sent.
    await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
    await expect(page.getByRole('region', { name: 'Invited' })).toBeVisible();
    await expectFits(page);
    const invitationLink = await page
      .getByRole('region', { name: 'Invited' })
      .getByLabel('Rosalind’s personal link')
      .inputValue();

    // A weekly series, checked but not booked.
    await page.goto(`${personPath}/meetings/new`);
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Where').selectOption('phone');
    const from = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByLabel('Until', { exact: true }).fill(new Date(Date.now() + 28 * DAY).toISOString().slice(0, 10));
    await page.getByLabel('Repeat', { exact: true }).selectOption('weekly');
    await page.getByLabel('How many meetings, if it repeats').selectOption('3');
    await page.getByRole('button', { name: 'Find free times' }).click();
    const firstOfSeries = page.getByRole('group', { name: 'First meeting of the series: free times, best first' });
    await firstOfSeries.getByRole('radio').first().check();
    await expectFits(page);
    await page.getByRole('button', { name: 'Check every meeting' }).click();
    await expect(page.getByRole('heading', { name: 'Weekly network meetings with Noor', level: 1 })).toBeVisible();
    await expectFits(page);

    // After a meeting: who came, its record and the fidelity self-rating, from Today's "To record"
    // (the demo data leaves Alex's latest meetings with the first person to record).
    await visit(page, '/today');
    const toRecord = await page
      .getByRole('region', { name: 'To record' })
      .getByRole('link')
      .first()
      .getAttribute('href');
    const pastMeeting = toRecord!.replace(/\/(attendance|record)$/, '');
    await visit(page, `${pastMeeting}/attendance`);
    await visit(page, `${pastMeeting}/record`);
    await visit(page, `${pastMeeting}/fidelity`);

    await visit(page, '/calendar');
    await visit(page, '/calendar?view=team');
    await visit(page, '/calendar/feed');
    // With its address shown once, a long link in a field.
    await page.getByRole('button', { name: /^(Create my calendar address|Replace the address)$/ }).click();
    await expect(page.getByRole('textbox', { name: 'Your calendar address' })).toBeVisible();
    await expectFits(page);
    await visit(page, '/outbox');
    await visit(page, '/account');
    // The continuity review: Alex has one team, so the list of teams goes straight to it.
    await page.goto('/continuity');
    await expectFits(page);
    await visit(page, `${new URL(page.url()).pathname}/trends`);

    // The invitation, on the network member's own phone, with no account.
    const theirs = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    const invitation = await theirs.newPage();
    await visit(invitation, invitationLink);
    await theirs.close();

    // An administrator: every administration page.
    await page.goto('/today');
    await todayPage.signOut();
    await expect(page).toHaveURL(/\/sign-in/);
    await signInPage.signIn(demo.admin, demo.password);
    await todayPage.expectLoaded();
    // An administrator sees every team's review, so a list of them.
    await visit(page, '/continuity');
    await visit(page, '/admin');
    await visit(page, '/admin/teams');
    await visit(page, '/admin/teams/new');
    const team = `Narrow Screens Team ${lettersOf(Date.now())}`;
    const teamForm = new TeamFormPage(page);
    await teamForm.fill({ name: team });
    await teamForm.submit('Add team');
    await expect(page.getByRole('heading', { name: team, level: 1 })).toBeVisible();
    await expectFits(page);

    // A practitioner invited to that team, so nothing else changes; then their pages.
    const invite = new InvitePage(page);
    await invite.goto();
    await expectFits(page);
    const name = `Dana ${lettersOf(Date.now()).replace(/^./, (c) => c.toUpperCase())}`;
    await invite.invite({
      name,
      email: `dana.${lettersOf(Date.now())}@example.org`,
      discipline: 'Peer support worker',
      team,
    });
    const welcomeLink = await invite.link();
    await expectFits(page);
    const admin = new AdminPage(page);
    await admin.openPractitioners();
    await expectFits(page);
    await admin.practitionerRow(name).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expectFits(page);
    await page.getByRole('link', { name: 'Change the working pattern' }).click();
    await expect(page.getByRole('heading', { name: `${name}’s working pattern`, level: 1 })).toBeVisible();
    await expectFits(page);
    await page.goBack();
    await page.getByRole('link', { name: 'See and change absences' }).click();
    await expect(page.getByRole('heading', { name: `${name}’s absences`, level: 1 })).toBeVisible();
    await expectFits(page);

    // The welcome page the invited practitioner opens, signed out (no password is chosen).
    const theirsToo = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
    const welcome = await theirsToo.newPage();
    await visit(welcome, welcomeLink);
    await theirsToo.close();

    expect(
      routes.filter((route) => !visited.has(route)),
      'pages not visited',
    ).toEqual([]);
  });
});
