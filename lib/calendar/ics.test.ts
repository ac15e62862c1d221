import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  calendarContentType,
  calendarFile,
  escapeText,
  foldLine,
  formatUtc,
  meetingUid,
  PRODID,
  quoteParameter,
  type CalendarEvent,
} from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  return { calendar, events, first: events[0]! };
}

const now = new Date('2026-03-20T08:15:30.123Z');
const event: CalendarEvent = {
  uid: meetingUid('6f1c3d2e-1111-4222-8333-944455556666'),
  sequence: 0,
  start: new Date('2026-03-30T09:00:00Z'),
  end: new Date('2026-03-30T10:30:00Z'),
  status: 'CONFIRMED',
  summary: 'Network meeting',
  location: 'At the clinic · Riverside Health Centre, room 3',
  url: 'https://meetings.example.org/people/p1/meetings/m1',
  description:
    'Open this meeting in Network meetings (sign-in needed): https://meetings.example.org/people/p1/meetings/m1',
  organizer: { name: 'Alex Morgan', email: 'alex.morgan@example.org' },
  attendees: [
    { name: 'Alex Morgan', email: 'alex.morgan@example.org', partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' },
    { name: 'Sam Patel', email: 'sam.patel@example.org', partstat: 'DECLINED', role: 'OPT-PARTICIPANT' },
  ],
};

describe('formatUtc', () => {
  it('writes a UTC date-time without separators or milliseconds', () => {
    expect(formatUtc(new Date('2026-10-25T01:30:00.999Z'))).toBe('20261025T013000Z');
    expect(formatUtc(new Date('2026-01-05T00:00:00Z'))).toBe('20260105T000000Z');
  });

  it('refuses an invalid date rather than write garbage', () => {
    expect(() => formatUtc(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of newline (RFC 5545 §3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters that are not allowed in TEXT, keeping tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td')).toBe('abc\td');
  });
});

describe('quoteParameter', () => {
  it('quotes, and replaces the double quotes a quoted value cannot hold', () => {
    expect(quoteParameter('Morgan, Alex "Al"')).toBe(`"Morgan, Alex 'Al'"`);
    expect(quoteParameter('Two\nlines')).toBe('"Two lines"');
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    const exact = `SUMMARY:${'a'.repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    const over = `SUMMARY:${'a'.repeat(68)}`;
    expect(foldLine(over)).toBe(`SUMMARY:${'a'.repeat(67)}\r\n a`);
  });

  it('counts UTF-8 octets, not characters, and never splits a character', () => {
    // "X:" is 2 octets and each "é" 2: 36 of them make 74, and a 37th would make 76.
    const line = `X:${'é'.repeat(40)}`;
    const [first, second] = foldLine(line).split('\r\n');
    expect(first).toBe(`X:${'é'.repeat(36)}`);
    expect(octets(first!)).toBe(74);
    expect(second).toBe(` ${'é'.repeat(4)}`);
  });

  it('keeps four-octet characters (emoji, outside the BMP) whole', () => {
    const line = `LOCATION:${'🙂'.repeat(30)}`;
    const physical = foldLine(line).split('\r\n');
    for (const [i, l] of physical.entries()) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      // A split surrogate pair would not survive a UTF-8 round trip.
      expect(new TextDecoder().decode(new TextEncoder().encode(l))).toBe(l);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
    }
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });
});

describe('calendarFile', () => {
  it('writes a calendar a real parser reads back: VERSION, PRODID, METHOD, and the event as given', () => {
    const text = calendarFile({ method: 'PUBLISH', events: [event], now });
    const { calendar, events, first } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(PRODID);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    const parsed = new ICAL.Event(first);
    expect(parsed.uid).toBe('6f1c3d2e-1111-4222-8333-944455556666@network-meetings');
    expect(parsed.summary).toBe('Network meeting');
    expect(parsed.location).toBe('At the clinic · Riverside Health Centre, room 3');
    expect(parsed.description).toBe(event.description);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-03-30T10:30:00.000Z');
    expect(parsed.startDate.zone.tzid).toBe('UTC');
    expect(first.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(first.getFirstPropertyValue('transp')).toBe('OPAQUE');
    expect(String(first.getFirstPropertyValue('url'))).toBe(event.url);
    // DTSTAMP is the moment the file was made, to the second.
    expect((first.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2026-03-20T08:15:30.000Z',
    );
  });

  it('uses CRLF after every line, UTC date-times, and no physical line over 75 octets', () => {
    const text = calendarFile({ method: 'PUBLISH', events: [event], now });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('\r\nDTSTART:20260330T090000Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260320T081530Z\r\n');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  });

  it('lists attendees with PARTSTAT, ROLE and CN, and the organizer', () => {
    const { first } = parse(calendarFile({ method: 'PUBLISH', events: [event], now }));
    const attendees = first.getAllProperties('attendee').map((p) => ({
      cn: p.getParameter('cn'),
      partstat: p.getParameter('partstat'),
      role: p.getParameter('role'),
      rsvp: p.getParameter('rsvp'),
      address: p.getFirstValue(),
    }));
    expect(attendees).toEqual([
      {
        cn: 'Alex Morgan',
        partstat: 'ACCEPTED',
        role: 'REQ-PARTICIPANT',
        rsvp: undefined,
        address: 'mailto:alex.morgan@example.org',
      },
      {
        cn: 'Sam Patel',
        partstat: 'DECLINED',
        role: 'OPT-PARTICIPANT',
        rsvp: undefined,
        address: 'mailto:sam.patel@example.org',
      },
    ]);
    const organizer = first.getFirstProperty('organizer')!;
    expect(organizer.getParameter('cn')).toBe('Alex Morgan');
    expect(organizer.getFirstValue()).toBe('mailto:alex.morgan@example.org');
  });

  it('writes an invitation for one invitee with their own answer and RSVP, and an attendee without email', () => {
    const own: CalendarEvent = {
      ...event,
      attendees: [
        { name: 'Jamie', email: 'jamie@example.net', partstat: 'TENTATIVE', rsvp: true },
        { name: 'Chris', partstat: 'NEEDS-ACTION' },
      ],
    };
    const { calendar, first } = parse(calendarFile({ method: 'REQUEST', events: [own], now }));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const [jamie, chris] = first.getAllProperties('attendee');
    expect(jamie!.getParameter('partstat')).toBe('TENTATIVE');
    expect(jamie!.getParameter('rsvp')).toBe('TRUE');
    expect(jamie!.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(chris!.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(chris!.getFirstValue()).toBe('invalid:nomail');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and the higher SEQUENCE', () => {
    const before = parse(calendarFile({ method: 'PUBLISH', events: [event], now })).first;
    const cancelled = { ...event, status: 'CANCELLED' as const, sequence: 2 };
    const { calendar, first } = parse(calendarFile({ method: 'CANCEL', events: [cancelled], now }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(first.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(first.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(first.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
    expect(new ICAL.Event(first).sequence).toBe(2);
    expect(new ICAL.Event(before).sequence).toBe(0);
  });

  it('refuses a cancellation of an event that is not cancelled, and scheduling messages without an organizer', () => {
    expect(() => calendarFile({ method: 'CANCEL', events: [event], now })).toThrow(/only for cancelled/);
    expect(() => calendarFile({ method: 'REQUEST', events: [{ ...event, organizer: null }], now })).toThrow(
      /ORGANIZER/,
    );
    expect(() => calendarFile({ method: 'PUBLISH', events: [{ ...event, organizer: null }], now })).not.toThrow();
  });

  it('refuses an event that ends before it starts, or a negative SEQUENCE', () => {
    expect(() => calendarFile({ method: 'PUBLISH', events: [{ ...event, end: event.start }], now })).toThrow(
      /end after/,
    );
    expect(() => calendarFile({ method: 'PUBLISH', events: [{ ...event, sequence: -1 }], now })).toThrow(/SEQUENCE/);
  });

  it('round-trips long multibyte text with every special character through folding and escaping', () => {
    const location =
      'Home visit · Flat 3, Ty’n y Coed; Llanfair\\Pwll — “back door”, ring twice\nThen: café Ünïcode 日本語 🙂🙂🙂 '
        .repeat(3)
        .trim();
    const name = 'Siân O’Brien-Ŵyn, "Shân"; Ørsted 👩🏽‍⚕️';
    const text = calendarFile({
      method: 'PUBLISH',
      events: [{ ...event, location, attendees: [{ name, email: 'sian@example.org', partstat: 'ACCEPTED' }] }],
      now,
    });
    for (const line of text.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line);
    }
    const { first } = parse(text);
    expect(first.getFirstPropertyValue('location')).toBe(location);
    expect(first.getFirstProperty('attendee')!.getParameter('cn')).toBe(`Siân O’Brien-Ŵyn, 'Shân'; Ørsted 👩🏽‍⚕️`);
  });

  it('holds many events, a calendar name and a refresh interval for subscriptions', () => {
    const second = {
      ...event,
      uid: meetingUid('7a2b'),
      start: new Date('2026-04-01T13:00:00Z'),
      end: new Date('2026-04-01T14:00:00Z'),
    };
    const { calendar, events } = parse(
      calendarFile({ method: 'PUBLISH', events: [event, second], now, name: 'Network meetings', refreshMinutes: 60 }),
    );
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([event.uid, '7a2b@network-meetings']);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Network meetings');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT60M');
  });

  it('percent-encodes a space in a link rather than break the line', () => {
    const { first } = parse(
      calendarFile({ method: 'PUBLISH', events: [{ ...event, url: 'https://example.org/a b' }], now }),
    );
    expect(String(first.getFirstPropertyValue('url'))).toBe('https://example.org/a%20b');
  });
});

describe('calendarContentType', () => {
  it('names the method for email attachments (RFC 6047) and leaves it out for downloads', () => {
    expect(calendarContentType()).toBe('text/calendar; charset=utf-8');
    expect(calendarContentType('REQUEST')).toBe('text/calendar; charset=utf-8; method=REQUEST');
  });
});
