import type { Page } from '@playwright/test';
import { demo, expect, test } from './fixtures';
import { PersonPages } from './pages/person-pages';

test.describe('invitations: the network answers from a personal link', () => {
  test('book with two invitees; each answers on a phone from their link; the team sees both; a move shows on the old link; names can be kept from the others', async ({
    page,
    browser,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);

    await page.goto('/people/new');
    await page.getByLabel('First name').fill('Ivy');
    await page.getByLabel('Last name').fill('Invitewell');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Ivy Invitewell', level: 1 })).toBeVisible();
    const people = new PersonPages(page);
    await people.addMember({
      givenName: 'Pat',
      relationship: 'parent',
      kind: 'family',
      closeness: 'inner',
      email: 'pat@example.net',
      channel: 'email',
      mayBeInvited: true,
    });
    await people.addMember({
      givenName: 'Charlie',
      relationship: 'friend',
      kind: 'friend',
      closeness: 'inner',
      email: 'charlie@example.net',
      channel: 'email',
      mayBeInvited: true,
    });
    await people.addMember({
      givenName: 'Dr Okoro',
      relationship: 'gp',
      kind: 'professional',
      closeness: 'outer',
      phone: '01632 960000',
      channel: 'phone',
      mayBeInvited: false,
    });

    await page.getByRole('link', { name: 'Book a meeting' }).click();
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Where').selectOption('phone');
    await page.getByRole('button', { name: 'Find free times' }).click();
    const invite = page.getByRole('group', { name: 'Invite' });
    // The consented inner circle is ticked; the member without consent cannot be.
    await expect(invite.getByLabel(/^Pat/)).toBeChecked();
    await expect(invite.getByLabel(/^Charlie/)).toBeChecked();
    await expect(invite.getByLabel(/^Dr Okoro/)).toBeDisabled();
    await expect(invite).toContainText('has not agreed to be invited');
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();

    await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
    const invited = page.getByRole('region', { name: 'Invited' });
    await expect(invited).toContainText('0 coming · 0 maybe · 0 can’t come · 3 no answer yet');
    const patLink = await invited.getByLabel('Pat’s personal link').inputValue();
    const charlieLink = await invited.getByLabel('Charlie’s personal link').inputValue();
    expect(patLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const meetingUrl = page.url();

    // Each opens their own link in a fresh browser at phone size, with no account.
    const answer = async (link: string, button: string, message?: string) => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const p = await phone.newPage();
      await p.goto(link);
      await expect(p.getByRole('heading', { name: 'Can you come to the meeting with Ivy?', level: 1 })).toBeVisible();
      await expect(p.locator('script')).toHaveCount(0);
      await expect(p.getByText('Dr Okoro')).toHaveCount(0);
      await expectAccessible(p);
      if (message) await p.getByLabel(/A message for the team/).fill(message);
      await p.getByRole('button', { name: button }).click();
      await expect(p.getByRole('status')).toContainText('Thank you');
      await expectAccessible(p);
      return { p, phone };
    };
    const pat = await answer(patLink, 'I’ll be there', 'I will bring Ivy’s medication list');
    const charlie = await answer(charlieLink, 'Maybe');
    await charlie.phone.close();

    await page.reload();
    await expect(invited).toContainText('1 coming · 1 maybe · 0 can’t come · 1 no answer yet');
    await expect(invited.getByRole('listitem').filter({ hasText: 'Pat' })).toContainText('Coming');
    await expect(invited.getByRole('listitem').filter({ hasText: 'Pat' })).toContainText(
      'I will bring Ivy’s medication list',
    );
    await expect(invited.getByRole('listitem').filter({ hasText: 'Charlie' })).toContainText('Maybe');
    await expect(invited).not.toContainText('see no names');
    await expectAccessible(page);

    // Today lists the meeting as still waiting for Ivy's own answer.
    await page.goto('/today');
    await expect(page.getByRole('region', { name: 'Waiting for answers' })).toContainText('Ivy Invitewell');

    // Move it: Pat's old link shows the new time.
    await page.goto(meetingUrl);
    await page.getByRole('link', { name: 'Move this meeting', exact: true }).click();
    const other = page.locator('label.slot').nth(2);
    const newTime = ((await other.locator('.slot-time').textContent()) ?? '').split('–')[0]!;
    await other.getByRole('radio').check();
    await page.getByRole('button', { name: 'Move to this time' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting has moved' })).toBeVisible();
    const when = (await page.locator('dt:has-text("When") + dd').textContent()) ?? '';
    await pat.p.reload();
    await expect(pat.p.locator('dd').first()).toContainText(when.split(',')[0]!);
    await expect(pat.p.locator('dd').first()).toContainText(newTime);
    await expect(pat.p.getByRole('listitem').filter({ hasText: 'Charlie (friend)' })).toBeVisible();

    // Ivy would rather the people she invites did not see each other's names: the team sets it on her details.
    await page.goto(meetingUrl.replace(/\/meetings\/.*$/, '/edit'));
    const seeEachOther = page.getByRole('group', {
      name: 'What people from the network see about each other when invited',
    });
    await expect(seeEachOther.getByRole('radio', { name: /^Names:/ })).toBeChecked();
    await seeEachOther.getByRole('radio', { name: /^No names/ }).check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: 'Ivy Invitewell', level: 1 })).toBeVisible();
    await expect(
      page.getByText(
        'Network members invited to a meeting see: no names, only that the team is coming and that others are invited.',
      ),
    ).toBeVisible();
    await pat.p.reload();
    await expect(pat.p.getByText('Charlie')).toHaveCount(0);
    await expect(pat.p.getByText('Some other people in Ivy’s life are invited too.')).toBeVisible();
    await expect(pat.p.getByRole('listitem').filter({ hasText: 'Alex (from the team)' })).toBeVisible();
    await expectAccessible(pat.p);
    // The team still sees every name, and is told what the network sees.
    await page.goto(meetingUrl);
    await expect(invited).toContainText('Network members see no names of the others invited, as Ivy asked.');
    await expect(invited.getByRole('listitem').filter({ hasText: 'Charlie' })).toBeVisible();
    await pat.phone.close();
  });

  test('a link that does not work gets a kind page that reveals nothing', async ({ page, expectAccessible }) => {
    const response = await page.goto(`/invite/${'x'.repeat(43)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the person opens their own link: it speaks to them as the one the meeting is for', async ({
    page,
    browser,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    const invited = await bookWithInvitees(page, 'Iona', 'Ownlink');
    const ionaLink = await invited.getByLabel('Iona (the person)’s personal link').inputValue();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(ionaLink);
    await expect(p.getByRole('heading', { name: 'Your network meeting', level: 1 })).toBeVisible();
    await expect(p.getByText('The meeting is for you. Will you be there?')).toBeVisible();
    await expect(p.locator('body')).not.toContainText('meeting with Iona');
    await expect(p.getByRole('listitem').filter({ hasText: 'Pat (parent)' })).toBeVisible();
    await expectAccessible(p);
    await p.getByRole('button', { name: 'I’ll be there' }).click();
    await expect(p.getByRole('status')).toContainText('Thank you');
    await phone.close();
  });

  test('a practitioner turns off a link and sends a new one: the new link opens, the old one no longer works', async ({
    page,
    browser,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    const invited = await bookWithInvitees(page, 'Rhea', 'Relink');
    const pat = invited.getByRole('listitem').filter({ hasText: 'Pat' });
    const oldLink = await invited.getByLabel('Pat’s personal link').inputValue();

    await pat.getByRole('button', { name: 'Turn off Pat’s link' }).click();
    await expect(pat).toContainText('Link turned off');
    await expect(invited.getByLabel('Pat’s personal link')).toHaveCount(0);
    await pat.getByRole('button', { name: 'Send a new link to Pat' }).click();
    await expect(pat.getByRole('status').filter({ hasText: 'A new link is ready for Pat' })).toBeVisible();
    await expect(pat).toContainText('No answer yet');
    await expect(invited.getByRole('button', { name: 'Send a new link to Pat' })).toHaveCount(0);
    const newLink = await invited.getByLabel('Pat’s personal link').inputValue();
    expect(newLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(newLink).not.toBe(oldLink);
    await expectAccessible(page);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(newLink);
    await expect(p.getByRole('heading', { name: 'Can you come to the meeting with Rhea?', level: 1 })).toBeVisible();
    const old = await p.goto(oldLink);
    expect(old?.status()).toBe(404);
    await expect(p.getByRole('heading', { name: 'This link no longer works', level: 1 })).toBeVisible();
    await phone.close();
  });
});

test.describe('consent that stops invitations at once', () => {
  test('withdrawing consent to invite Pat ends their link at once, takes back the email not yet sent, and says so on the page', async ({
    page,
    browser,
    signInPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await page.waitForURL(/\/today$/);
    const invited = await bookWithInvitees(page, 'Wynn', 'Withdrawson', 'pat.withdrawson@example.net');
    const patLink = await invited.getByLabel('Pat’s personal link').inputValue();
    const meetingUrl = page.url();

    // The person asks that Pat no longer be told: the practitioner unticks the consent.
    await page.getByRole('link', { name: 'Wynn Withdrawson' }).first().click();
    await new PersonPages(page).networkList().getByRole('link', { name: /Pat/ }).click();
    await page.getByLabel('May be invited to network meetings').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText(
      'Saved. Pat’s link to 1 meeting no longer works, and 1 email still waiting to go was withdrawn.',
    );
    await expect(page.getByLabel('May be invited to network meetings')).not.toBeChecked();
    await expectAccessible(page);

    // Pat's link now reveals nothing, and no email to Pat waits in the outbox.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    const response = await p.goto(patLink);
    expect(response?.status()).toBe(404);
    await expect(p.getByRole('heading', { name: 'This link no longer works', level: 1 })).toBeVisible();
    await expect(p.getByText('Wynn')).toHaveCount(0);
    await phone.close();
    await page.goto('/outbox');
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
    await expect(page.getByText('pat.withdrawson@example.net')).toHaveCount(0);
    await page.goto(meetingUrl);
    await expect(page.getByRole('region', { name: 'Invited' })).toContainText('Pat');
  });
});

/**
 * A new person with Pat (a parent, with email) in their network, and a meeting booked at the
 * first free time inviting both: the steps of the first test. Returns the meeting page's "Invited".
 */
async function bookWithInvitees(page: Page, givenName: string, familyName: string, patEmail = 'pat@example.net') {
  await page.goto('/people/new');
  await page.getByLabel('First name').fill(givenName);
  await page.getByLabel('Last name').fill(familyName);
  await page.getByRole('button', { name: 'Add to the caseload' }).click();
  await expect(page.getByRole('heading', { name: `${givenName} ${familyName}`, level: 1 })).toBeVisible();
  await new PersonPages(page).addMember({
    givenName: 'Pat',
    relationship: 'parent',
    kind: 'family',
    closeness: 'inner',
    email: patEmail,
    channel: 'email',
    mayBeInvited: true,
  });

  await page.getByRole('link', { name: 'Book a meeting' }).click();
  await page.getByLabel('Alex Morgan must be there').check();
  await page.getByLabel('Where').selectOption('phone');
  await page.getByRole('button', { name: 'Find free times' }).click();
  const invite = page.getByRole('group', { name: 'Invite' });
  await expect(invite.getByLabel(new RegExp(`^${givenName} \\(the person\\)`))).toBeChecked();
  await expect(invite.getByLabel(/^Pat/)).toBeChecked();
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Book this time' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();

  await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
  const invited = page.getByRole('region', { name: 'Invited' });
  await expect(invited).toContainText('0 coming · 0 maybe · 0 can’t come · 2 no answer yet');
  return invited;
}
