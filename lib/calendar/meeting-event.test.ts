import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  meetingCalendarFile,
  meetingEvent,
  meetingFileName,
  meetingLocation,
  meetingsFeedFile,
  practitionerPartstat,
  responsePartstat,
  type MeetingForCalendar,
} from './meeting-event';

const meeting: MeetingForCalendar = {
  id: '0b7e4d52-90aa-4c1e-9d1b-3f2a6c8e5d11',
  personId: '5c3a1b20-1f2e-4d3c-8b4a-6e5f7a8b9c0d',
  status: 'scheduled',
  startsAt: new Date('2026-03-29T23:30:00Z'),
  endsAt: new Date('2026-03-30T00:30:00Z'),
  timeZone: 'Europe/London',
  locationKind: 'home',
  locationDetail: '12 Elm Road, Leeds',
  videoUrl: null,
  sequence: 0,
  createdAt: new Date('2026-03-01T10:00:00Z'),
  updatedAt: new Date('2026-03-01T10:00:00Z'),
  organizer: { name: 'Alex Morgan', email: 'alex.morgan@example.org' },
  practitioners: [
    { name: 'Alex Morgan', email: 'alex.morgan@example.org', role: 'required', attendance: 'unknown' },
    { name: 'Sam Patel', email: 'sam.patel@example.org', role: 'optional', attendance: 'absent' },
  ],
};
const link = `https://meetings.example.org/people/${meeting.personId}/meetings/${meeting.id}`;
const now = new Date('2026-03-20T12:00:00Z');

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));

describe('a meeting in a calendar file', () => {
  it('says only "Network meeting", the place and a link back: no name, kind, reason or notes', () => {
    // A row straight from the database carries more than the type asks for; none of it may leak.
    const row = {
      ...meeting,
      kind: 'crisis',
      statusReason: 'Robin was admitted to hospital',
      person: { givenName: 'Robin', familyName: 'Tester' },
      notes: 'Voices: Robin spoke about the night of the crisis',
    } as MeetingForCalendar;
    const text = meetingCalendarFile({ ...row, status: 'cancelled' }, { link, now });
    expect(text).not.toMatch(/Robin|Tester|crisis|hospital|Voices/i);
    const event = parse(meetingCalendarFile(row, { link, now })).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe('Network meeting');
    expect(event.getFirstPropertyValue('location')).toBe('Home visit · 12 Elm Road, Leeds');
    expect(event.getFirstPropertyValue('description')).toBe(
      `Open this meeting in Network meetings (sign-in needed): ${link}`,
    );
    expect(String(event.getFirstPropertyValue('url'))).toBe(link);
  });

  it('puts the video link after the place', () => {
    expect(
      meetingLocation({ locationKind: 'video', locationDetail: null, videoUrl: 'https://video.example.org/room/1' }),
    ).toBe('Video call · https://video.example.org/room/1');
    expect(meetingLocation({ locationKind: 'phone', locationDetail: null, videoUrl: null })).toBe('Phone call');
  });

  it('keeps one UID per meeting and carries its SEQUENCE, so a changed copy replaces the old one', () => {
    const first = meetingEvent(meeting, { link });
    const changed = meetingEvent(
      { ...meeting, sequence: 3, startsAt: new Date('2026-03-31T09:00:00Z'), endsAt: new Date('2026-03-31T10:00:00Z') },
      { link },
    );
    expect(first.uid).toBe('0b7e4d52-90aa-4c1e-9d1b-3f2a6c8e5d11@network-meetings');
    expect(changed.uid).toBe(first.uid);
    const parsed = new ICAL.Event(
      parse(meetingCalendarFile({ ...meeting, sequence: 3 }, { link, now })).getFirstSubcomponent('vevent')!,
    );
    expect(parsed.uid).toBe(first.uid);
    expect(parsed.sequence).toBe(3);
  });

  it('is published while booked and cancelled with METHOD:CANCEL once cancelled', () => {
    const booked = parse(meetingCalendarFile(meeting, { link, now }));
    expect(booked.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(booked.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const cancelled = parse(meetingCalendarFile({ ...meeting, status: 'cancelled', sequence: 1 }, { link, now }));
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
    // Held meetings stay in calendars as they were.
    expect(
      parse(meetingCalendarFile({ ...meeting, status: 'held' }, { link, now })).getFirstPropertyValue('method'),
    ).toBe('PUBLISH');
  });

  it('lists the practitioners with their role and participation', () => {
    const event = parse(meetingCalendarFile(meeting, { link, now })).getFirstSubcomponent('vevent')!;
    expect(
      event
        .getAllProperties('attendee')
        .map((p) => [p.getParameter('cn'), p.getParameter('role'), p.getParameter('partstat'), p.getFirstValue()]),
    ).toEqual([
      ['Alex Morgan', 'REQ-PARTICIPANT', 'ACCEPTED', 'mailto:alex.morgan@example.org'],
      ['Sam Patel', 'OPT-PARTICIPANT', 'DECLINED', 'mailto:sam.patel@example.org'],
    ]);
  });

  it('names who booked it as organizer, or the first required practitioner when that is unknown', () => {
    expect(meetingEvent(meeting, { link }).organizer).toEqual({
      name: 'Alex Morgan',
      email: 'alex.morgan@example.org',
    });
    const practitioners: MeetingForCalendar['practitioners'] = [
      { name: 'Sam Patel', email: 'sam.patel@example.org', role: 'optional', attendance: 'unknown' },
      { name: 'Kim Lee', email: 'kim.lee@example.org', role: 'required', attendance: 'unknown' },
    ];
    expect(meetingEvent({ ...meeting, organizer: null, practitioners }, { link }).organizer).toEqual({
      name: 'Kim Lee',
      email: 'kim.lee@example.org',
    });
  });

  it('names the file by the local date, here the day after the UTC date', () => {
    // 23:30 UTC on 29 March 2026 is 00:30 BST on the 30th.
    expect(meetingFileName(meeting)).toBe('network-meeting-2026-03-30.ics');
  });
});

describe('participation', () => {
  it('maps recorded attendance for practitioners', () => {
    expect(practitionerPartstat('unknown')).toBe('ACCEPTED');
    expect(practitionerPartstat('attended')).toBe('ACCEPTED');
    expect(practitionerPartstat('absent')).toBe('DECLINED');
  });

  it('maps an invitee’s answer one to one', () => {
    expect(responsePartstat('needs_action')).toBe('NEEDS-ACTION');
    expect(responsePartstat('accepted')).toBe('ACCEPTED');
    expect(responsePartstat('tentative')).toBe('TENTATIVE');
    expect(responsePartstat('declined')).toBe('DECLINED');
  });
});

describe('a practitioner’s feed', () => {
  it('publishes every meeting, cancelled ones marked cancelled, each with its own link', () => {
    const other = { ...meeting, id: '9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c6d', status: 'cancelled' as const, sequence: 1 };
    const calendar = parse(meetingsFeedFile([meeting, other], { linkFor: (m) => `https://x.example/${m.id}`, now }));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Network meetings');
    const events = calendar.getAllSubcomponents('vevent');
    expect(
      events.map((e) => [
        e.getFirstPropertyValue('uid'),
        e.getFirstPropertyValue('status'),
        String(e.getFirstPropertyValue('url')),
      ]),
    ).toEqual([
      [`${meeting.id}@network-meetings`, 'CONFIRMED', `https://x.example/${meeting.id}`],
      [`${other.id}@network-meetings`, 'CANCELLED', `https://x.example/${other.id}`],
    ]);
  });

  it('is a valid empty calendar when there is nothing in the window', () => {
    const calendar = parse(meetingsFeedFile([], { linkFor: () => '', now }));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });
});
