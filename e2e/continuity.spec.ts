import postgres from 'postgres';
import { demo, expect, postgresApp, signedInOnPostgres as signedIn, test } from './fixtures';

/**
 * The continuity review: the team lead filters the team's people by "no recent meeting", opens
 * a person whose care has drifted, and reads the ribbon (who came, who was expected and did not)
 * and the strip of numbers; a practitioner of another team gets "not found". Runs on the
 * PostgreSQL instance, where the test makes the held meetings it needs (nothing can be booked
 * in the past through the app), 20 to 34 days ago, early in the morning (never on top of the
 * demo's meetings).
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
const app = postgresApp;

async function drifting() {
  const sql = postgres(databaseUrl!, { max: 1 });
  try {
    const familyName = `Ribbon${Date.now().toString(36)}`;
    const [team] = await sql`select id from teams where name = 'Riverside Open Dialogue Team'`;
    const staff = await sql`select id, email from users where email in (${demo.practitioner}, 'sam.patel@example.org')`;
    const alex = staff.find((s) => s.email === demo.practitioner)!;
    const sam = staff.find((s) => s.email !== demo.practitioner)!;
    const [person] = await sql`insert into people (team_id, given_name, family_name, referral_at)
      values (${team!.id}, 'Noor', ${familyName}, date_trunc('day', now()) - interval '35 days' + interval '4 hours') returning id`;
    await sql`insert into core_team_assignments (person_id, user_id, role, starts_on)
      values (${person!.id}, ${alex.id}, 'lead', (now() - interval '40 days')::date),
             (${person!.id}, ${sam.id}, 'co_worker', (now() - interval '40 days')::date)`;
    const [dad] =
      await sql`insert into network_members (person_id, given_name, family_name, relationship, kind, closeness, may_be_invited)
      values (${person!.id}, 'Omar', ${familyName}, 'parent', 'family', 'inner', true) returning id`;
    // Three meetings a week apart, the last 20 days ago: Alex and Sam; Alex and Sam; Alex alone (Sam missed it).
    for (const [daysAgo, came] of [
      [34, [alex.id, sam.id]],
      [27, [alex.id, sam.id]],
      [20, [alex.id]],
    ] as const) {
      const [m] = await sql`insert into meetings (person_id, team_id, kind, starts_at, ends_at, location_kind, status)
        values (${person!.id}, ${team!.id}, 'network', date_trunc('day', now()) - ${`${daysAgo} days`}::interval + interval '4 hours',
          date_trunc('day', now()) - ${`${daysAgo} days`}::interval + interval '5 hours', 'clinic', 'held') returning id, starts_at, ends_at`;
      for (const s of [alex, sam]) {
        await sql`insert into meeting_practitioners (meeting_id, user_id, busy_from, busy_to, attendance)
          values (${m!.id}, ${s.id}, ${m!.starts_at}, ${m!.ends_at}, ${came.includes(s.id) ? 'attended' : 'absent'})`;
        await sql`insert into meeting_attendance (meeting_id, user_id, presence, recorded_by)
          values (${m!.id}, ${s.id}, ${came.includes(s.id) ? 'came' : 'apologies'}, ${alex.id})`;
      }
      await sql`insert into meeting_attendance (meeting_id, person_id, presence, recorded_by) values (${m!.id}, ${person!.id}, 'came', ${alex.id})`;
      await sql`insert into meeting_attendance (meeting_id, network_member_id, presence, recorded_by)
        values (${m!.id}, ${dad!.id}, ${daysAgo === 34 ? 'came' : 'no_word'}, ${alex.id})`;
    }
    // A practitioner of another team, with the demo's password.
    const [other] = await sql`insert into teams (name) values (${`Hillside ${familyName}`}) returning id`;
    const email = `${familyName.toLowerCase()}@example.org`;
    const [outsider] = await sql`insert into users (email, name, password_hash)
      select ${email}, 'Hana Hill', password_hash from users where email = ${demo.practitioner} returning id`;
    await sql`insert into team_members (team_id, user_id) values (${other!.id}, ${outsider!.id})`;
    return { personId: person!.id as string, familyName, teamId: team!.id as string, outsider: email };
  } finally {
    await sql.end();
  }
}

test.describe('continuity of care', () => {
  test.beforeAll(() => {
    if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test`');
  });

  test('the team lead finds a person with no recent meeting and reads their ribbon and figures; another team’s practitioner cannot', async ({
    browser,
    expectAccessible,
  }) => {
    const s = await drifting();
    const page = await signedIn(browser, demo.practitioner);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Continuity' }).click();
    await expect(page.getByRole('heading', { name: 'Continuity review: Riverside Open Dialogue Team' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'No recent meeting' }).click();
    await expect(page).toHaveURL(/flag=no_recent/);
    await expect(page.getByText('No meeting for 14 days while active.').first()).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: `Noor ${s.familyName}` });
    await expect(row).toContainText('No recent meeting');
    // Alex alone at the last one, and no record signed (Omar came to the first, so no "no network").
    await expect(row).toContainText('One practitioner');
    await expect(row).toContainText('Record unsigned');
    await expect(row).not.toContainText('No network');
    await expect(row).toContainText('24 hours after');
    await expectAccessible(page);

    await row.getByRole('link', { name: `Noor ${s.familyName}` }).click();
    const section = page.getByRole('region', { name: 'Continuity of care' });
    await expect(section.getByRole('img', { name: 'Continuity ribbon' })).toBeVisible();
    // Alex came to all three; Sam to two, and was expected at the third; Omar came to the first.
    const ribbon = section.locator('svg.ribbon');
    await expect(
      ribbon.locator('.ribbon-practitioner').filter({ hasText: 'Alex Morgan' }).locator('circle:not(.ribbon-missed)'),
    ).toHaveCount(3);
    await expect(
      ribbon.locator('.ribbon-practitioner').filter({ hasText: 'Sam Patel' }).locator('circle:not(.ribbon-missed)'),
    ).toHaveCount(2);
    await expect(
      ribbon.locator('.ribbon-practitioner').filter({ hasText: 'Sam Patel' }).locator('circle.ribbon-missed'),
    ).toHaveCount(1);
    await expect(
      ribbon.locator('.ribbon-member').filter({ hasText: 'Omar' }).locator('circle:not(.ribbon-missed)'),
    ).toHaveCount(1);
    const figures = section.getByRole('definition');
    await expect(section.getByText('Meetings held')).toBeVisible();
    await expect(figures.filter({ hasText: 'since referral' }).first()).toContainText('3');
    await expect(section.getByText('median 7 days, longest 7 days')).toBeVisible();
    await expect(section.getByText(/whole: 2 of 3 \(67%\)/)).toBeVisible();
    await expect(section.getByText(/few meetings/)).toBeVisible();
    await section.getByText('The ribbon’s facts as a table').click();
    await expect(section.getByRole('table')).toContainText('Sam Patel');
    await expectAccessible(page);

    // Trends by month, with each practitioner's figures for the lead only.
    await page.goto(`${app}/continuity/${s.teamId}`);
    await page.getByRole('link', { name: 'Trends by month' }).click();
    await expect(page.getByRole('heading', { name: 'Run charts' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Days between meetings \(median\)/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Each practitioner, the last year' })).toBeVisible();
    await expectAccessible(page);
    const sam = await signedIn(browser, 'sam.patel@example.org');
    await sam.goto(`${app}/continuity/${s.teamId}/trends`);
    await expect(sam.getByRole('heading', { name: 'Run charts' })).toBeVisible();
    await expect(sam.getByRole('heading', { name: 'Each practitioner, the last year' })).toHaveCount(0);

    // The export: pseudonyms by default, names when chosen, a header that says what each column is.
    const pseudonymous = await page.request.get(`${app}/continuity/${s.teamId}/export/people.csv`);
    expect(pseudonymous.headers()['content-type']).toContain('text/csv');
    const rows = (await pseudonymous.text()).split('\r\n');
    expect(rows[0]).toContain('Held meetings since referral');
    expect(rows.join('\n')).not.toContain(s.familyName);
    const named = await page.request.get(`${app}/continuity/${s.teamId}/export/people.csv?names=1`);
    expect(await named.text()).toContain(`Noor ${s.familyName},`);

    // Someone from another team: not found, for the review and for the person.
    const outsider = await signedIn(browser, s.outsider);
    const review = await outsider.goto(`${app}/continuity/${s.teamId}`);
    expect(review?.status()).toBe(404);
    const csv = await outsider.request.get(`${app}/continuity/${s.teamId}/export/people.csv`);
    expect(csv.status()).toBe(404);
    const person = await outsider.goto(`${app}/people/${s.personId}`);
    expect(person?.status()).toBe(404);
  });

  test('a long caseload is reviewed fifty people at a time, the count and the flags still of everyone', async ({
    browser,
    expectAccessible,
  }) => {
    // A team of its own with 55 active people, none met yet, referred a day apart (Person 01 most recently).
    const sql = postgres(databaseUrl!, { max: 1 });
    const tag = `Pages${Date.now().toString(36)}`;
    const email = `${tag.toLowerCase()}@example.org`;
    let teamId: string;
    try {
      const [team] = await sql`insert into teams (name) values (${`Long list ${tag}`}) returning id`;
      teamId = team!.id as string;
      const [lead] = await sql`insert into users (email, name, password_hash)
        select ${email}, 'Lee Long', password_hash from users where email = ${demo.practitioner} returning id`;
      await sql`insert into team_members (team_id, user_id, lead) values (${teamId}, ${lead!.id}, true)`;
      await sql`insert into people (team_id, given_name, family_name, referral_at)
        select ${teamId}, 'Person ' || lpad(n::text, 2, '0'), ${tag}, now() - make_interval(days => n)
        from generate_series(1, 55) as n`;
    } finally {
      await sql.end();
    }
    const page = await signedIn(browser, email);
    await page.goto(`${app}/continuity/${teamId}?sort=referral`);
    const list = page.getByRole('region', { name: 'People and their flags' });
    await expect(page.getByRole('heading', { name: 'Everyone: 55' })).toBeVisible();
    await expect(page.getByText('1–50 of 55')).toBeVisible();
    await expect(list.getByRole('row')).toHaveCount(51);
    await expect(list.getByRole('row').nth(1)).toContainText(`Person 01 ${tag}`);
    // Every one of them is late for a first meeting, counted on the first page too.
    await expect(page.getByRole('listitem').filter({ hasText: 'Late first meeting' })).toContainText('(55)');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/sort=referral&page=2/);
    await expect(page.getByText('51–55 of 55')).toBeVisible();
    await expect(list.getByRole('row')).toHaveCount(6);
    await expect(list.getByRole('row').nth(1)).toContainText(`Person 51 ${tag}`);
    await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);

    // Another order starts again at the first page.
    await page.getByRole('link', { name: 'Name', exact: true }).click();
    await expect(page).toHaveURL(/sort=name$/);
    await expect(page.getByText('1–50 of 55')).toBeVisible();
    await expect(list.getByRole('row').nth(1)).toContainText(`Person 01 ${tag}`);
    await expect(page.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
  });
});
