/**
 * An RFC 5545 (iCalendar) writer for meetings: pure, no I/O. It knows nothing about the
 * database or about what a meeting is; callers decide what goes in (see meeting-event.ts),
 * and nothing clinical must be passed to it, because everything here leaves the app.
 */

/** iTIP methods we send: a calendar to show (feeds, downloads), an invitation, a cancellation. */
export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
export type ParticipationStatus = 'NEEDS-ACTION' | 'ACCEPTED' | 'TENTATIVE' | 'DECLINED';
export type ParticipantRole = 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT';

export type CalendarOrganizer = { name: string; email: string };

export type CalendarAttendee = {
  name: string;
  /** Without an address the attendee is still listed, with the conventional "invalid:nomail". */
  email?: string | null;
  partstat: ParticipationStatus;
  role?: ParticipantRole;
  /** Asks the attendee's client to reply (only meaningful with METHOD:REQUEST). */
  rsvp?: boolean;
};

export type CalendarEvent = {
  /** Stable for the life of the meeting, so every later copy replaces the earlier one. */
  uid: string;
  /** Bumped on every change; clients keep the copy with the highest. */
  sequence: number;
  start: Date;
  end: Date;
  status: 'CONFIRMED' | 'CANCELLED';
  summary: string;
  location?: string | null;
  url?: string | null;
  description?: string | null;
  organizer?: CalendarOrganizer | null;
  attendees: CalendarAttendee[];
  created?: Date | null;
  lastModified?: Date | null;
};

export type CalendarFile = {
  method: CalendarMethod;
  events: CalendarEvent[];
  /** When the file is made: every event's DTSTAMP. Passed in so output is reproducible. */
  now: Date;
  /** A name for a subscribed calendar (X-WR-CALNAME), shown by most clients. */
  name?: string;
  /** How often a subscribing client should fetch again, in minutes (REFRESH-INTERVAL, RFC 7986). */
  refreshMinutes?: number;
};

export const PRODID = '-//Network meetings//Calendar files 1.0//EN';

/** The UID of a meeting in every calendar file we make, whoever it is for. */
export function meetingUid(meetingId: string): string {
  return `${meetingId}@network-meetings`;
}

/** The media type of a calendar file; with a method, as an email attachment needs it (RFC 6047). */
export function calendarContentType(method?: CalendarMethod): string {
  return method ? `text/calendar; charset=utf-8; method=${method}` : 'text/calendar; charset=utf-8';
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** A UTC date-time as iCalendar writes it: 20260330T090000Z. */
export function formatUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Calendar files need valid dates');
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

// Control characters other than tab are not allowed in iCalendar text; newlines are escaped first.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

/**
 * A parameter value (such as CN), always quoted. A quoted value may hold anything but
 * double quotes and control characters, so those become a plain apostrophe or go.
 */
export function quoteParameter(value: string): string {
  return `"${value
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(CONTROL, '')
    .replace(/"/g, "'")}"`;
}

/** URI values (URL, mailto:) are not TEXT-escaped; a space or line break in one is percent-encoded. */
function uriValue(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f]/g, (c) => encodeURIComponent(c));
}

function calendarAddress(email: string | null | undefined): string {
  return email ? uriValue(`mailto:${email}`) : 'invalid:nomail';
}

/**
 * Folds one content line so that no physical line is longer than 75 octets of UTF-8
 * (RFC 5545 §3.1), never splitting a character: continuation lines start with one space.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The continuation's leading space counts toward its 75.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function eventLines(event: CalendarEvent, now: Date): string[] {
  if (!(event.start < event.end)) throw new RangeError('A calendar event must end after it starts');
  if (!Number.isInteger(event.sequence) || event.sequence < 0)
    throw new RangeError('SEQUENCE must be a whole number, 0 or more');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(now)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.created) lines.push(`CREATED:${formatUtc(event.created)}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(event.lastModified)}`);
  // A cancelled meeting no longer takes anyone's time.
  lines.push(`TRANSP:${event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`);
  if (event.organizer)
    lines.push(`ORGANIZER;CN=${quoteParameter(event.organizer.name)}:${calendarAddress(event.organizer.email)}`);
  for (const a of event.attendees) {
    const parameters = [
      `CN=${quoteParameter(a.name)}`,
      'CUTYPE=INDIVIDUAL',
      `ROLE=${a.role ?? 'REQ-PARTICIPANT'}`,
      `PARTSTAT=${a.partstat}`,
    ];
    if (a.rsvp) parameters.push('RSVP=TRUE');
    lines.push(`ATTENDEE;${parameters.join(';')}:${calendarAddress(a.email)}`);
  }
  lines.push('END:VEVENT');
  return lines;
}

/**
 * A whole calendar file: CRLF line endings, folded lines, UTC times (so no VTIMEZONE is needed).
 * REQUEST and CANCEL are scheduling messages (RFC 5546) and must say who organises.
 */
export function calendarFile(file: CalendarFile): string {
  if (file.method !== 'PUBLISH' && file.events.some((e) => !e.organizer)) {
    throw new RangeError(`METHOD:${file.method} needs an ORGANIZER on every event`);
  }
  if (file.method === 'CANCEL' && file.events.some((e) => e.status !== 'CANCELLED')) {
    throw new RangeError('METHOD:CANCEL is only for cancelled events');
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', `METHOD:${file.method}`];
  if (file.name) lines.push(`X-WR-CALNAME:${escapeText(file.name)}`);
  if (file.refreshMinutes) {
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:PT${file.refreshMinutes}M`,
      `X-PUBLISHED-TTL:PT${file.refreshMinutes}M`,
    );
  }
  for (const event of file.events) lines.push(...eventLines(event, file.now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
