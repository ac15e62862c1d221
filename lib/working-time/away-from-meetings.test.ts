import { describe, expect, it } from 'vitest';
import { accessOffNotice, awayNotice, awayThen, firstNameOf, whoIsAway, type MeetingAway } from './away-from-meetings';

const robinId = '6f1c2b1e-8a4d-4c3e-9b2a-1d2e3f4a5b6c';
const meeting = (over: Partial<MeetingAway>): MeetingAway => ({
  meetingId: '0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d',
  personId: robinId,
  personGivenName: 'Robin',
  personPreferredName: null,
  startsAt: new Date('2026-03-03T10:00:00Z'),
  endsAt: new Date('2026-03-03T11:00:00Z'),
  timeZone: 'Europe/London',
  role: 'required',
  ...over,
});

describe('telling an administrator that a practitioner is away for booked meetings', () => {
  it('says nothing when no booked meeting falls in the absence', () => {
    expect(awayNotice('Sam Patel', [])).toBeUndefined();
  });

  it('counts them by the practitioner’s first name, each at its time in its own zone, with the person’s first name and a link', () => {
    const notice = awayNotice('Sam Patel', [
      meeting({}),
      // Summer time in London; the person goes by another name.
      meeting({
        meetingId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        personId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
        personGivenName: 'Katherine',
        personPreferredName: 'Kit',
        startsAt: new Date('2026-06-02T09:00:00Z'),
        endsAt: new Date('2026-06-02T10:30:00Z'),
      }),
      // A meeting kept in New York's zone reads in New York's time.
      meeting({
        meetingId: '3d4e5f6a-7b8c-4d9e-8f1a-2b3c4d5e6f7a',
        startsAt: new Date('2026-06-03T14:00:00Z'),
        endsAt: new Date('2026-06-03T15:00:00Z'),
        timeZone: 'America/New_York',
      }),
    ]);
    expect(notice?.sentence).toBe('Sam is away for 3 booked meetings. Move them, or change who comes from the team.');
    expect(notice?.meetings).toEqual([
      {
        href: `/people/${robinId}/meetings/0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d`,
        text: 'Tuesday 3 March 2026, 10:00–11:00 GMT, with Robin',
      },
      {
        href: '/people/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f/meetings/1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
        text: 'Tuesday 2 June 2026, 10:00–11:30 BST, with Kit',
      },
      {
        href: `/people/${robinId}/meetings/3d4e5f6a-7b8c-4d9e-8f1a-2b3c4d5e6f7a`,
        text: 'Wednesday 3 June 2026, 10:00–11:00 GMT-4, with Robin',
      },
    ]);
  });

  it('says one meeting in the singular', () => {
    expect(awayNotice('Sam Patel', [meeting({})])?.sentence).toBe(
      'Sam is away for 1 booked meeting. Move it, or change who comes from the team.',
    );
  });

  it('marks the meetings the practitioner was coming to only if free, which can go ahead', () => {
    const mixed = awayNotice('Sam Patel', [
      meeting({}),
      meeting({ meetingId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', role: 'optional' }),
    ]);
    expect(mixed?.sentence).toBe('Sam is away for 2 booked meetings. Move them, or change who comes from the team.');
    expect(mixed?.meetings[1]?.text).toBe(
      'Tuesday 3 March 2026, 10:00–11:00 GMT, with Robin (Sam was coming only if free)',
    );
    const onlyIfFree = awayNotice('Sam Patel', [meeting({ role: 'optional' })]);
    expect(onlyIfFree?.sentence).toBe(
      'Sam is away for 1 booked meeting. Sam was coming only if free, so it can go ahead.',
    );
    expect(onlyIfFree?.meetings[0]?.text).toBe('Tuesday 3 March 2026, 10:00–11:00 GMT, with Robin');
  });
});

describe('saying who is away during a meeting', () => {
  it('takes the first name', () => {
    expect(firstNameOf('Sam Patel')).toBe('Sam');
    expect(firstNameOf('  Priya  Shah ')).toBe('Priya');
    expect(firstNameOf('Cher')).toBe('Cher');
  });

  it('names the reason on the meeting’s page', () => {
    expect(awayThen('Sam Patel', 'leave')).toBe('Sam is on leave then');
    expect(awayThen('Sam Patel', 'training')).toBe('Sam is at training then');
    expect(awayThen('Sam Patel', 'sickness')).toBe('Sam is off sick then');
    expect(awayThen('Sam Patel', 'other')).toBe('Sam is away then');
  });

  it('lists them on Today, the reader first as “you”', () => {
    expect(whoIsAway([])).toBe('');
    expect(whoIsAway([{ name: 'Sam Patel', you: false }])).toBe('Sam is away');
    expect(whoIsAway([{ name: 'Alex Morgan', you: true }])).toBe('You are away');
    expect(
      whoIsAway([
        { name: 'Sam Patel', you: false },
        { name: 'Alex Morgan', you: true },
      ]),
    ).toBe('You and Sam are away');
    expect(
      whoIsAway([
        { name: 'Priya Shah', you: false },
        { name: 'Sam Patel', you: false },
        { name: 'Tom Reilly', you: false },
      ]),
    ).toBe('Priya, Sam and Tom are away');
  });
});

describe('telling an administrator that someone whose access is off is still in meetings to come', () => {
  it('says nothing without meetings, and otherwise names each with its link', () => {
    expect(accessOffNotice('Sam Patel', [])).toBeUndefined();
    const notice = accessOffNotice('Sam Patel', [
      meeting({}),
      meeting({ meetingId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', role: 'optional' }),
    ]);
    expect(notice?.sentence).toBe(
      'Sam is still in 2 booked meetings to come. Move them, or change who comes from the team.',
    );
    expect(notice?.meetings.map((m) => m.text)).toEqual([
      'Tuesday 3 March 2026, 10:00–11:00 GMT, with Robin',
      'Tuesday 3 March 2026, 10:00–11:00 GMT, with Robin (Sam was coming only if free)',
    ]);
    expect(accessOffNotice('Sam Patel', [meeting({})])?.sentence).toBe(
      'Sam is still in 1 booked meeting to come. Move it, or change who comes from the team.',
    );
  });
});
