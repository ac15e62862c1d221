import { randomUUID } from 'node:crypto';
import { devices, type Page } from '@playwright/test';
import postgres from 'postgres';
import { hashToken, tokenWithSecret } from '../lib/invitations/token';
import { e2eSecret } from '../playwright.config';
import { demo, expect, postgresApp, signedInOnPostgres as signedIn, test } from './fixtures';

/**
 * After a meeting: a practitioner marks it held with who came, writes the record with each
 * voice and a decision one person disagrees with, signs it with their password; a colleague
 * co-signs; the person reads it from their link on a phone; a network member without consent
 * reads nothing; an amendment shows beside the original; the next record starts with the open
 * action. Runs on the PostgreSQL instance, where the test makes the past meetings it needs
 * (nothing can be booked in the past through the app).
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
const app = postgresApp;
const sam = 'sam.patel@example.org';

type Setting = {
  personId: string;
  familyName: string;
  first: string;
  second: string;
  /** The first meeting's links and their invitations, by who holds them. */
  links: Record<string, string>;
  invitations: Record<string, string>;
};

/** Two past meetings at `hour` UTC (each test its own hour: the practitioners cannot be booked twice). */
async function pastMeetings(hour = 5): Promise<Setting> {
  const sql = postgres(databaseUrl!, { max: 1 });
  try {
    const stamp = Date.now().toString(36);
    const familyName = `Record${stamp}`;
    const [team] = await sql`select id from teams where name = 'Riverside Open Dialogue Team'`;
    const staff = await sql`select id, email from users where email in (${demo.practitioner}, ${sam})`;
    const [person] = await sql`insert into people (team_id, given_name, family_name, referral_at)
      values (${team!.id}, 'Robin', ${familyName}, now() - interval '10 days') returning id`;
    const [dana] =
      await sql`insert into network_members (person_id, given_name, family_name, relationship, kind, closeness, may_be_invited, may_see_shared_records)
      values (${person!.id}, 'Dana', ${familyName}, 'parent', 'family', 'inner', true, true) returning id`;
    const [kit] =
      await sql`insert into network_members (person_id, given_name, family_name, relationship, kind, closeness, may_be_invited, may_see_shared_records)
      values (${person!.id}, 'Kit', 'Lowe', 'friend', 'friend', 'middle', true, false) returning id`;
    const links: Record<string, string> = {};
    const invitationIds: Record<string, string> = {};
    const meetingIds: string[] = [];
    // Early in the morning, two days and one day ago: before anyone's working hours, so never
    // on top of the demo's meetings, whatever the day.
    for (const daysAgo of [2, 1]) {
      const [meeting] =
        await sql`insert into meetings (person_id, team_id, kind, starts_at, ends_at, location_kind, location_detail)
        values (${person!.id}, ${team!.id}, 'network', date_trunc('day', now()) - ${`${daysAgo} days`}::interval + ${`${hour} hours`}::interval,
          date_trunc('day', now()) - ${`${daysAgo} days`}::interval + ${`${hour + 1} hours`}::interval, 'clinic', 'Riverside clinic, room 2')
        returning id, starts_at, ends_at`;
      meetingIds.push(meeting!.id);
      for (const s of staff)
        await sql`insert into meeting_practitioners (meeting_id, user_id, busy_from, busy_to)
          values (${meeting!.id}, ${s.id}, ${meeting!.starts_at}, ${meeting!.ends_at})`;
      for (const [who, column, id] of [
        ['person', 'person_id', person!.id],
        ['dana', 'network_member_id', dana!.id],
        ['kit', 'network_member_id', kit!.id],
      ] as const) {
        const invitationId = randomUUID();
        const token = tokenWithSecret(e2eSecret, invitationId);
        await sql`insert into invitations (id, meeting_id, ${sql(column)}, token_hash, response, expires_at)
          values (${invitationId}, ${meeting!.id}, ${id}, ${hashToken(token)}, 'accepted', ${meeting!.ends_at}::timestamptz + interval '90 days')`;
        if (daysAgo === 2) {
          links[who] = `${app}/invite/${token}`;
          invitationIds[who] = invitationId;
        }
      }
    }
    return {
      personId: person!.id,
      familyName,
      first: meetingIds[0]!,
      second: meetingIds[1]!,
      links,
      invitations: invitationIds,
    };
  } finally {
    await sql.end();
  }
}

/** Runs statements against the test's PostgreSQL instance (to age a link past its reading period). */
async function withSql<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl!, { max: 1 });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

async function recordWhoCame(page: Page, s: Setting, meetingId: string) {
  await page.goto(`${app}/people/${s.personId}/meetings/${meetingId}`);
  await page.getByRole('link', { name: 'Mark held or not, and who came' }).click();
  await expect(page.getByRole('heading', { name: 'Who came', level: 1 })).toBeVisible();
  await page.getByLabel(`Robin ${s.familyName}`).selectOption('came');
  await page.getByLabel(`Dana ${s.familyName}`).selectOption('came');
  await page.getByLabel('Kit Lowe').selectOption('came_late');
  await page.getByLabel('Alex Morgan').selectOption('came');
  await page.getByLabel('Sam Patel').selectOption('remote');
}

test.describe('records of network meetings', () => {
  test.beforeAll(() => {
    if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test`');
  });

  test('held, recorded in each voice, signed, co-signed, read by the person, amended, carried over', async ({
    browser,
    expectAccessible,
  }) => {
    const s = await pastMeetings();
    const alex = await signedIn(browser, demo.practitioner);

    // Who came; a missing answer is named beside its field, and nothing chosen is lost.
    await recordWhoCame(alex, s, s.first);
    await alex.getByLabel('Sam Patel').selectOption('');
    await alex.getByRole('button', { name: 'Save attendance' }).click();
    await expect(alex.getByText('Choose how they were at the meeting')).toBeVisible();
    await expect(alex.getByLabel('Kit Lowe')).toHaveValue('came_late');
    await expectAccessible(alex);
    await alex.getByLabel('Sam Patel').selectOption('remote');
    await alex.getByRole('button', { name: 'Save attendance' }).click();
    await expect(alex.getByText('Attendance saved.')).toBeVisible();

    // The record: each voice in its own words, a decision Dana disagrees with, what stays open, an action.
    await alex.getByRole('link', { name: 'Record', exact: true }).click();
    await expect(alex.getByRole('heading', { name: 'Write the record' })).toBeVisible();
    await alex.getByLabel(`Robin ${s.familyName}`, { exact: true }).fill('I want to try sleeping without the tablets.');
    await alex.getByLabel(`Dana ${s.familyName}`, { exact: true }).fill('I am frightened of the nights.');
    await alex
      .getByRole('textbox', { name: 'What was decided', exact: true })
      .fill('Robin tries two weeks without the sleeping tablets.');
    await alex.getByLabel('Options talked about').fill('Keep the tablets; stop them; halve them');
    await alex.getByLabel(`Robin ${s.familyName}: stance on the new decision`).selectOption('agrees');
    await alex.getByLabel(`Dana ${s.familyName}: stance on the new decision`).selectOption('disagrees');
    await alex.getByRole('button', { name: 'Save draft' }).click();
    // Dissent needs their own words: the message sits beside the field, and the draft is kept as typed.
    await expect(alex.getByText(`Write what Dana ${s.familyName} disagrees with, in their own words`)).toBeVisible();
    await expect(alex.getByLabel(`Robin ${s.familyName}`, { exact: true })).toHaveValue(
      'I want to try sleeping without the tablets.',
    );
    await alex.getByLabel(`Dana ${s.familyName}: in their own words`).fill('Not yet: not before the winter is over.');
    await alex
      .getByRole('group', { name: 'A new open question' })
      .getByLabel('The question')
      .fill('Whether Robin goes back to college in January');
    await alex.getByRole('group', { name: 'A new action' }).getByLabel('Who').fill('Sam');
    await alex
      .getByRole('group', { name: 'A new action' })
      .getByLabel('What')
      .fill('Find the college’s part-time timetable');
    await alex.getByRole('button', { name: 'Save draft' }).click();
    await expect(alex.getByRole('heading', { name: 'Draft, version 1' })).toBeVisible();
    await expectAccessible(alex);

    // Signing asks for the password again.
    await alex.getByLabel('Your password', { exact: true }).fill('not my password');
    await alex.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(alex.getByText('That password is not right: type the one you sign in with')).toBeVisible();
    await alex.getByLabel('Your password', { exact: true }).fill(demo.password);
    await alex.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(alex.getByText('Signed. The record will not change now')).toBeVisible();
    await alex.getByRole('checkbox', { name: 'What was decided' }).check();
    await alex.getByRole('button', { name: 'Save the person’s choice' }).click();
    await expect(alex.getByText('Saved: the person’s choice is recorded.')).toBeVisible();
    await expectAccessible(alex);

    // Each practitioner who came rates the meeting for themself, some answers suggested from attendance.
    await alex.getByRole('link', { name: 'Rate the meeting on the key elements of dialogic practice' }).click();
    await expect(alex.getByRole('heading', { name: 'Fidelity self-rating', level: 1 })).toBeVisible();
    await expect(alex.getByText('Suggested from attendance and the record').first()).toBeVisible();
    await alex.getByRole('button', { name: 'Save my ratings' }).click();
    await expect(alex.getByText("Choose a score or 'not applicable'").first()).toBeVisible();
    await expectAccessible(alex);
    await alex.goto(`${app}/people/${s.personId}/meetings/${s.first}/record`);

    // A colleague who came co-signs.
    const samPage = await signedIn(browser, sam);
    await samPage.goto(`${app}/people/${s.personId}/meetings/${s.first}/record`);
    await samPage.getByLabel('Your password', { exact: true }).fill(demo.password);
    await samPage.getByRole('button', { name: 'Co-sign' }).click();
    await expect(samPage.getByText('Co-signed.')).toBeVisible();
    await expect(
      samPage.getByRole('region', { name: 'Version 1', exact: true }).getByText('Co-signed by Sam Patel'),
    ).toBeVisible();

    // The person reads it on a phone, decisions first, with Dana's disagreement in her words.
    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(s.links.person!);
    await expect(phone.getByText('Robin tries two weeks without the sleeping tablets.')).toBeVisible();
    await expect(phone.getByText('Not yet: not before the winter is over.')).toBeVisible();
    await expectAccessible(phone);
    // Kit, whom Robin does not allow to see shared records, reads nothing of it.
    await phone.goto(s.links.kit!);
    await expect(phone.getByText('There are no notes from this meeting to show you here.')).toBeVisible();
    await expect(phone.getByText('Robin tries two weeks')).toHaveCount(0);

    // An amendment: a new signed version with its reason, shown with the original and the change.
    await alex.reload();
    await alex.getByText('Correct the record (an amendment)').click();
    await alex
      .getByRole('group', { name: 'Decision 1' })
      .getByRole('textbox', { name: 'What was decided', exact: true })
      .fill('Robin tries one week without the sleeping tablets, then we meet again.');
    await alex.getByLabel('Why it is corrected').fill('Robin said one week, not two, when we read it back.');
    await alex.getByLabel('Your password, to sign the amendment').fill(demo.password);
    await alex.getByRole('button', { name: 'Sign the amendment' }).click();
    await expect(alex.getByText('The amendment is signed and shown beside the original.')).toBeVisible();
    const versions = alex.getByRole('region', { name: 'Versions' });
    await expect(versions.getByText('Robin said one week, not two, when we read it back.')).toBeVisible();
    await expect(versions.getByText(/Before: Decided: Robin tries two weeks/)).toBeVisible();
    await expect(versions.getByText(/After: Decided: Robin tries one week/)).toBeVisible();

    // The next meeting's record starts with the open action and question.
    await recordWhoCame(alex, s, s.second);
    await alex.getByRole('button', { name: 'Save attendance' }).click();
    await alex.getByRole('link', { name: 'Record', exact: true }).click();
    await expect(alex.getByRole('group', { name: 'Action 1' }).getByLabel('What')).toHaveValue(
      'Find the college’s part-time timetable',
    );
    await expect(alex.getByRole('group', { name: 'Open question 1' }).getByLabel('The question')).toHaveValue(
      'Whether Robin goes back to college in January',
    );
    // And the person's page lists them as open.
    await alex.goto(`${app}/people/${s.personId}`);
    await expect(alex.getByRole('region', { name: 'Open actions and questions' })).toContainText(
      'Find the college’s part-time timetable',
    );
  });

  test('after the reading period, the team sends the person a fresh link that opens the notes again', async ({
    browser,
    expectAccessible,
  }) => {
    const s = await pastMeetings(3);
    const alex = await signedIn(browser, demo.practitioner);
    await recordWhoCame(alex, s, s.first);
    await alex.getByRole('button', { name: 'Save attendance' }).click();
    await expect(alex.getByText('Attendance saved.')).toBeVisible();

    // Before the period is over, the link is there to copy, with the day it stops opening the notes.
    const invited = alex.getByRole('region', { name: 'Invited' });
    await expect(invited.getByLabel(`Robin (the person)’s personal link`)).toHaveValue(s.links.person!);
    await expect(invited.getByText(/It opens the notes until/).first()).toBeVisible();
    await expect(invited.getByText('Kit does not read the notes of this meeting')).toBeVisible();

    // The reading period passes: the old link stops working, and the team can send a new one.
    await withSql(
      (sql) => sql`update invitations set expires_at = now() - interval '1 hour' where id = ${s.invitations.person!}`,
    );
    const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
    await phone.goto(s.links.person!);
    await expect(phone.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
    await expect(phone.getByText('the team can send you a new link to them')).toBeVisible();

    await alex.reload();
    const robin = invited.getByRole('listitem').filter({ hasText: 'Robin (the person)' });
    await expect(robin).toContainText('Link ended on');
    await robin.getByRole('button', { name: 'Send a new link to Robin (the person)' }).click();
    await expect(alex.getByText('A new link is ready for Robin. The earlier link still does not work.')).toBeVisible();
    await expectAccessible(alex);
    const fresh = await invited.getByLabel(`Robin (the person)’s personal link`).inputValue();
    expect(fresh).not.toBe(s.links.person);

    await phone.goto(fresh);
    await expect(phone.getByRole('heading', { name: 'This meeting has taken place' })).toBeVisible();
    await expect(phone.getByText(/This link opens these notes until/)).toBeVisible();
    await phone.goto(s.links.person!);
    await expect(phone.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  });
});
