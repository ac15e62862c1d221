import { demo, expect, test } from './fixtures';
import { PersonPages } from './pages/person-pages';

test.describe('people, their networks and core teams', () => {
  test.beforeEach(async ({ signInPage, todayPage }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();
  });

  test('add a person, three people in their network, see the map, and give them a core team', async ({
    page,
    expectAccessible,
  }) => {
    const people = new PersonPages(page);
    await people.openCaseload();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Add a person' }).click();
    await expect(page.getByRole('heading', { name: 'Add a person' })).toBeVisible();
    await expectAccessible(page);

    // A missing name and a malformed email: messages beside the fields, and nothing typed is lost.
    await page.getByLabel('Last name').fill('Fairweather');
    await page.getByLabel('Email').fill('jamie@');
    await page.getByLabel('Pronouns').fill('they/them');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(people.fieldError('First name')).toHaveText("Enter the person's first name");
    await expect(people.fieldError('Email')).toContainText('Enter an email address like');
    await expect(page.getByLabel('Last name')).toHaveValue('Fairweather');
    await expect(page.getByLabel('Pronouns')).toHaveValue('they/them');
    await expect(page.getByLabel('Email')).toHaveValue('jamie@');
    await expectAccessible(page);

    await page.getByLabel('First name').fill('Jamie');
    await page.getByLabel('Email').fill('jamie.fairweather@example.net');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: /Jamie Fairweather/, level: 1 })).toBeVisible();
    await expect(page.getByText('The core team has fewer than two practitioners')).toBeVisible();

    // A member whose preferred channel has no contact detail is refused, keeping the choices made.
    await page.getByRole('link', { name: 'Add someone' }).click();
    await page.getByLabel('First name').fill('Pat');
    await page.getByLabel(/^Relationship to/).selectOption('parent');
    await page.getByLabel('Kind').selectOption('family');
    await page.getByLabel('How close').selectOption('inner');
    await page.getByLabel('Best way to reach them').selectOption('sms');
    await page.getByRole('button', { name: 'Add to the network' }).click();
    await expect(people.fieldError('Phone')).toHaveText('Add a phone number, or choose another way to contact them');
    await expect(page.getByLabel(/^Relationship to/)).toHaveValue('parent');
    await expect(page.getByLabel('How close')).toHaveValue('inner');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Jamie Fairweather' }).click();

    await people.addMember({
      givenName: 'Pat',
      relationship: 'parent',
      kind: 'family',
      closeness: 'inner',
      phone: '07700 900555',
      channel: 'sms',
      mayBeInvited: true,
    });
    await people.addMember({
      givenName: 'Charlie',
      relationship: 'friend',
      kind: 'friend',
      closeness: 'middle',
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

    const map = people.networkMap();
    await expect(map).toBeVisible();
    for (const name of ['Pat', 'Charlie', 'Dr Okoro']) await expect(map.getByText(name, { exact: true })).toBeVisible();
    // The one not to be invited is drawn in outline: exactly one dashed shape on the map.
    await expect(map.locator('[stroke-dasharray]')).toHaveCount(1);
    const list = people.networkList();
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list.getByRole('listitem').filter({ hasText: 'Dr Okoro' })).toContainText('Not to be invited');
    await expect(list.getByRole('listitem').filter({ hasText: 'Pat' })).toContainText('May be invited');
    await expectAccessible(page);

    // The core team: a lead and a peer support worker.
    await page.getByRole('link', { name: 'Change the core team' }).click();
    await expect(page.getByRole('heading', { name: "Jamie's core team" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Practitioner', { exact: true }).selectOption({ label: 'Alex Morgan (nurse)' });
    await page.getByLabel('Role', { exact: true }).selectOption('lead');
    await page.getByRole('button', { name: 'Add to the core team' }).click();
    await expect(page.getByRole('status')).toHaveText('Added to the core team.');
    await expect(page.getByText('The core team has no peer support worker.')).toBeVisible();
    await page.getByLabel('Practitioner', { exact: true }).selectOption({ label: 'Sam Patel (peer support worker)' });
    await page.getByLabel('Role', { exact: true }).selectOption('peer');
    await page.getByRole('button', { name: 'Add to the core team' }).click();
    await expect(page.getByRole('row', { name: /Sam Patel/ })).toContainText('Peer support');
    await expect(page.getByText('The core team has no peer support worker.')).toHaveCount(0);

    await page.getByRole('link', { name: 'Jamie Fairweather' }).click();
    const core = page.getByRole('list', { name: 'Current core team' });
    await expect(core.getByRole('listitem')).toHaveText([
      /Alex Morgan · Lead/,
      /Sam Patel · Peer support · peer support worker/,
    ]);
    await expect(page.getByText(/The core team has/)).toHaveCount(0);

    // And the caseload finds them.
    await people.openCaseload();
    await people.search('fairw');
    await expect(page.getByRole('table').getByRole('link')).toHaveText(['Jamie Fairweather']);
  });

  test('consent changes are kept with who and when, and nobody is deleted', async ({ page, expectAccessible }) => {
    // Someone new with one person in their network, so nothing else this test meets is shared.
    const people = new PersonPages(page);
    await page.goto('/people/new');
    await page.getByLabel('First name').fill('Cass');
    await page.getByLabel('Last name').fill('Consentwood');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Cass Consentwood', level: 1 })).toBeVisible();
    await people.addMember({
      givenName: 'Noor',
      relationship: 'sibling',
      kind: 'family',
      closeness: 'inner',
      channel: 'phone',
      phone: '07700 900456',
      mayBeInvited: true,
    });
    await people.networkList().getByRole('link', { name: /Noor/ }).click();
    await expect(page.getByRole('heading', { name: 'Consent history' })).toBeVisible();
    const memberUrl = page.url();
    const rows = page.getByRole('table').getByRole('row');
    const before = await rows.count();
    const invited = page.getByLabel('May be invited to network meetings');
    await invited.setChecked(!(await invited.isChecked()));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { name: 'Network', level: 2 })).toBeVisible();
    await page.goto(memberUrl);
    await expect(rows).toHaveCount(before + 1);
    await expect(rows.nth(1)).toContainText('Alex Morgan');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'No longer in the network' }).click();
    await expect(page.getByRole('status')).toContainText('Their details and history are kept');
    await expect(page.getByRole('button', { name: 'Back in the network' })).toBeVisible();
  });

  test('a likely duplicate is pointed out before saving', async ({ page }) => {
    const add = async () => {
      await page.goto('/people/new');
      await page.getByLabel('First name').fill('Morgan');
      await page.getByLabel('Last name').fill('Twiceover');
      await page.getByLabel('Date of birth').fill('1988-04-02');
      await page.getByRole('button', { name: 'Add to the caseload' }).click();
    };
    await add();
    await expect(page.getByRole('heading', { name: 'Morgan Twiceover', level: 1 })).toBeVisible();
    await add();
    await expect(page.locator('.alert-error')).toContainText(
      'Morgan Twiceover, born 1988-04-02, is already on this team',
    );
    await page.getByLabel('This is a different person: save anyway').check();
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Morgan Twiceover', level: 1 })).toBeVisible();
  });

  test('a person who does not exist, or is not for you, is simply not found', async ({ page }) => {
    const response = await page.goto('/people/00000000-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(404);
    expect((await page.goto('/people/not-an-id'))?.status()).toBe(404);
  });
});
