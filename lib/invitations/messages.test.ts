import { describe, expect, it } from 'vitest';
import type { MeetingForCalendar } from '@/lib/calendar/meeting-event';
import { noticeEmail, type Notice, type NoticeKind } from './messages';

const meeting: MeetingForCalendar = {
  id: '0b7e4d52-90aa-4c1e-9d1b-3f2a6c8e5d11',
  personId: '5c3a1b20-1f2e-4d3c-8b4a-6e5f7a8b9c0d',
  status: 'scheduled',
  startsAt: new Date('2026-12-01T10:00:00Z'),
  endsAt: new Date('2026-12-01T11:00:00Z'),
  timeZone: 'Europe/London',
  locationKind: 'clinic',
  locationDetail: null,
  videoUrl: null,
  sequence: 0,
  createdAt: new Date('2026-11-20T10:00:00Z'),
  updatedAt: new Date('2026-11-20T10:00:00Z'),
  organizer: { name: 'Alex Morgan', email: 'alex.morgan@example.org' },
  practitioners: [{ name: 'Alex Morgan', email: 'alex.morgan@example.org', role: 'required', attendance: 'unknown' }],
};
const when = 'Tuesday 1 December 2026, 10:00–11:00 GMT';
const kinds: NoticeKind[] = ['invitation', 'changed', 'cancelled', 'reminder'];

const notice = (kind: NoticeKind, isPerson: boolean): Notice => ({
  kind,
  invitee: isPerson
    ? { givenName: 'Ivy', email: 'ivy@example.org', response: 'needs_action', isPerson }
    : { givenName: 'Pat', email: 'pat@example.org', response: 'needs_action', isPerson },
  personGivenName: 'Ivy',
  teamName: 'Riverside team',
  meeting: kind === 'cancelled' ? { ...meeting, status: 'cancelled' } : meeting,
  link: 'https://meetings.example.org/invite/abc',
});

describe('the email to the person the meeting is for', () => {
  it('speaks of their own meeting, in every kind of notice', () => {
    const subjects = kinds.map((kind) => noticeEmail(notice(kind, true)).subject);
    expect(subjects).toEqual([
      `Your network meeting with the Riverside team: ${when}`,
      `New time: your network meeting is now on ${when}`,
      `Cancelled: your network meeting on ${when}`,
      `Reminder: your network meeting on ${when}`,
    ]);
    const openings = kinds.map((kind) => noticeEmail(notice(kind, true)).text.split('\n')[2]);
    expect(openings).toEqual([
      'Your network meeting with the Riverside team is booked. The meeting is for you, and we hope you will be there.',
      'Your network meeting with the Riverside team has a new time.',
      'Your network meeting with the Riverside team will not take place. Nothing else is needed from you.',
      'A reminder of your network meeting with the Riverside team.',
    ]);
  });

  it('never invites them to a meeting "with" themselves, nor asks if they can come', () => {
    for (const kind of kinds) {
      const email = noticeEmail(notice(kind, true));
      for (const text of [email.subject, email.text, email.html]) {
        expect(text).not.toMatch(/with Ivy|Ivy and the|would like you to come|if you can come/);
      }
      expect(email.text).toMatch(/^Hello Ivy,/);
    }
    expect(noticeEmail(notice('invitation', true)).text).toContain(
      'Please let us know if you will be there, with one tap:\nhttps://meetings.example.org/invite/abc',
    );
  });

  it('offers to change an answer already given', () => {
    const answered = notice('reminder', true);
    answered.invitee.response = 'accepted';
    expect(noticeEmail(answered).text).toContain('You can change your answer here:');
  });
});

describe('the email to a network member', () => {
  it('keeps its wording: a meeting with the person and the team', () => {
    const emails = kinds.map((kind) => noticeEmail(notice(kind, false)));
    expect(emails.map((e) => e.subject)).toEqual([
      `Invitation: a meeting on ${when}`,
      `New time: the meeting is now on ${when}`,
      `Cancelled: the meeting on ${when}`,
      `Reminder: the meeting on ${when}`,
    ]);
    expect(emails.map((e) => e.text.split('\n')[2])).toEqual([
      'Ivy and the Riverside team would like you to come to a meeting.',
      'The meeting with Ivy and the Riverside team has a new time.',
      'The meeting with Ivy and the Riverside team will not take place. Nothing else is needed from you.',
      'A reminder of the meeting with Ivy and the Riverside team.',
    ]);
    expect(emails[0]!.text).toContain('Please let us know if you can come, with one tap:');
    // Not the kind of meeting: a member is not told it is a network (or crisis) meeting.
    for (const e of emails) expect(`${e.subject}\n${e.text}`).not.toMatch(/network meeting/i);
  });
});
