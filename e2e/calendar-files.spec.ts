import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { demo, expect, test } from './fixtures';

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

test.describe('calendar files', () => {
  test('download a meeting as .ics, subscribe to my meetings by a secret address, replace it and turn it off', async ({
    page,
    request,
    signInPage,
    todayPage,
    expectAccessible,
  }) => {
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();

    // A person with one booked meeting, as in the booking journey.
    await page.goto('/people/new');
    await page.getByLabel('First name').fill('Indigo');
    await page.getByLabel('Last name').fill('Calendarwell');
    await page.getByRole('button', { name: 'Add to the caseload' }).click();
    await expect(page.getByRole('heading', { name: 'Indigo Calendarwell', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Book a meeting' }).click();
    await page.getByLabel('Alex Morgan must be there').check();
    await page.getByLabel('Sam Patel must be there').check();
    await page.getByLabel('Where').selectOption('clinic');
    await page.getByRole('button', { name: 'Find free times' }).click();
    await page.getByRole('radio').first().check();
    await page.getByLabel('Place').fill('Riverside Health Centre, room 4');
    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting is booked' })).toBeVisible();
    await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Network meeting with Indigo' })).toBeVisible();
    const meetingUrl = page.url();
    const meetingId = new URL(meetingUrl).pathname.split('/').pop()!;
    const uid = `${meetingId}@network-meetings`;

    // The meeting as a file: plain title, the place, the practitioners, nothing about Indigo.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^network-meeting-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = await readFile(await file.path(), 'utf8');
    expect(text).not.toContain('Indigo');
    expect(text).not.toContain('Calendarwell');
    const downloaded = parseCalendar(text);
    expect(downloaded.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const event = new ICAL.Event(downloaded.events[0]!);
    expect(event.uid).toBe(uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Network meeting');
    expect(event.location).toBe('At the clinic · Riverside Health Centre, room 4');
    expect(
      downloaded.events[0]!.getAllProperties('attendee')
        .map((p) => [p.getParameter('cn'), p.getParameter('partstat'), p.getParameter('role')])
        .sort(),
    ).toEqual([
      ['Alex Morgan', 'ACCEPTED', 'REQ-PARTICIPANT'],
      ['Sam Patel', 'ACCEPTED', 'REQ-PARTICIPANT'],
    ]);

    // A secret address for all my meetings, shown once.
    await page.goto('/calendar/feed');
    await expect(page.getByRole('heading', { name: 'My meetings in my calendar app', level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: /^(Create my calendar address|Replace the address)$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copy it now' })).toBeVisible();
    const address = page.getByRole('textbox', { name: 'Your calendar address' });
    const firstLink = await address.inputValue();
    expect(firstLink).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(page);

    // Fetched as a calendar app would: no session, just the address.
    const feed = await request.get(firstLink);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const feedText = await feed.text();
    expect(feedText).not.toContain('Calendarwell');
    const subscribed = parseCalendar(feedText);
    expect(subscribed.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const mine = subscribed.events.find((e) => e.getFirstPropertyValue('uid') === uid);
    expect(mine?.getFirstPropertyValue('status')).toBe('CONFIRMED');

    // Cancelled: the feed keeps it, marked cancelled with a higher SEQUENCE, and the file cancels it.
    await page.goto(meetingUrl);
    await page.getByLabel('Why it is cancelled').fill('Indigo asked to move it');
    await page.getByRole('button', { name: 'Cancel this meeting' }).click();
    await expect(page.getByText('Cancelled: Indigo asked to move it')).toBeVisible();
    const afterCancel = parseCalendar(await (await request.get(firstLink)).text()).events.find(
      (e) => e.getFirstPropertyValue('uid') === uid,
    );
    expect(afterCancel?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(new ICAL.Event(afterCancel!).sequence).toBe(1);
    const cancelling = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Remove from my calendar (.ics)' }).click();
    const cancelFile = parseCalendar(await readFile(await (await cancelling).path(), 'utf8'));
    expect(cancelFile.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelFile.events[0]!.getFirstPropertyValue('uid')).toBe(uid);

    // Replace: the old address stops at once.
    await page.goto('/calendar/feed');
    await expect(page.getByText(/Your calendar address is on, since/)).toBeVisible();
    await page.getByRole('button', { name: 'Replace the address' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'the old one no longer works' })).toBeVisible();
    const secondLink = await page.getByRole('textbox', { name: 'Your calendar address' }).inputValue();
    expect(secondLink).not.toBe(firstLink);
    expect((await request.get(firstLink)).status()).toBe(404);
    expect((await request.get(secondLink)).status()).toBe(200);

    // Turn it off: a plain 404 from then on.
    await page.getByRole('button', { name: 'Turn the address off' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Turned off' })).toBeVisible();
    await expect(page.getByText('You have no calendar address on.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your calendar address' })).toHaveCount(0);
    const gone = await request.get(secondLink);
    expect(gone.status()).toBe(404);
    expect(await gone.text()).toContain('Not found');
    await expectAccessible(page);
  });
});
