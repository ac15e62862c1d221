import { describe, expect, it } from 'vitest';
import type { MeetingForCalendar } from '@/lib/calendar/meeting-event';
import { fillInvitationLinks, hasInvitationLinkMarker, invitationLinkMarker } from './link-marker';
import { inviteeCalendar, noticeEmail } from './messages';
import { invitationLink, tokenFor } from './token';

const ours = '3f0c5a52-7d1e-4b8a-9c2d-1e6f4a7b8c90';
const theirs = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const meeting: MeetingForCalendar = {
  id: '0b7e4d52-90aa-4c1e-9d1b-3f2a6c8e5d11',
  personId: '5c3a1b20-1f2e-4d3c-8b4a-6e5f7a8b9c0d',
  status: 'scheduled',
  startsAt: new Date('2026-12-01T10:00:00Z'),
  endsAt: new Date('2026-12-01T11:00:00Z'),
  timeZone: 'Europe/London',
  locationKind: 'clinic',
  locationDetail: null,
  videoUrl: 'https://video.example.org/room-7',
  sequence: 2,
  createdAt: new Date('2026-11-20T10:00:00Z'),
  updatedAt: new Date('2026-11-21T10:00:00Z'),
  organizer: { name: 'Alex Morgan', email: 'alex.morgan@example.org' },
  practitioners: [{ name: 'Alex Morgan', email: 'alex.morgan@example.org', role: 'required', attendance: 'unknown' }],
};
const invitee = { givenName: 'Pat', email: 'pat@example.org', response: 'needs_action' as const, isPerson: false };

describe('the invitation link marker', () => {
  it('names the invitation and holds no token', () => {
    expect(invitationLinkMarker(ours)).toBe(`{{invitation-link:${ours}}}`);
    expect(invitationLinkMarker(ours)).not.toContain(tokenFor(ours));
  });

  it('becomes the invitation’s working link in text and, escaped, in HTML', () => {
    const marker = invitationLinkMarker(ours);
    expect(fillInvitationLinks(`Answer here:\n${marker}\n`, ours, 'text')).toBe(
      `Answer here:\n${invitationLink(ours)}\n`,
    );
    expect(fillInvitationLinks(`<a href="${marker}">Answer</a>`, ours, 'html')).toBe(
      `<a href="${invitationLink(ours)}">Answer</a>`,
    );
  });

  it('stays a marker where it names another invitation, or the message names none', () => {
    const text = `Answer here: ${invitationLinkMarker(theirs)}`;
    expect(fillInvitationLinks(text, ours, 'text')).toBe(text);
    expect(fillInvitationLinks(invitationLinkMarker(ours), null, 'text')).toBe(invitationLinkMarker(ours));
    expect(hasInvitationLinkMarker(fillInvitationLinks(text, ours, 'text'))).toBe(true);
  });

  it('makes the email as it would have been written with the link itself: text, HTML and the folded calendar file', () => {
    const notice = {
      kind: 'invitation' as const,
      invitee,
      personGivenName: 'Ivy',
      teamName: 'Riverside team',
      meeting,
    };
    const stored = noticeEmail({ ...notice, link: invitationLinkMarker(ours) });
    const direct = noticeEmail({ ...notice, link: invitationLink(ours) });
    expect(fillInvitationLinks(stored.text, ours, 'text')).toBe(direct.text);
    expect(fillInvitationLinks(stored.html, ours, 'html')).toBe(direct.html);
    // The calendar's DESCRIPTION is longer than a line, so the marker is folded across two.
    const now = new Date('2026-11-24T09:00:00Z');
    const storedIcs = inviteeCalendar(meeting, invitee, invitationLinkMarker(ours), now);
    expect(storedIcs).not.toContain(`details: ${invitationLinkMarker(ours)}`);
    expect(hasInvitationLinkMarker(storedIcs)).toBe(true);
    const filled = fillInvitationLinks(storedIcs, ours, 'calendar');
    expect(filled).toBe(inviteeCalendar(meeting, invitee, invitationLink(ours), now));
    expect(hasInvitationLinkMarker(filled)).toBe(false);
  });

  it('leaves a calendar file without a marker exactly as it is', () => {
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    expect(fillInvitationLinks(ics, ours, 'calendar')).toBe(ics);
  });
});
