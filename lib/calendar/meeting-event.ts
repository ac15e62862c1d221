import type { attendance, invitationResponse, locationKind, meetingStatus, participantRole } from '@/db/schema/enums';
import { placeDescription } from '@/lib/meetings/labels';
import { localDayKey } from '@/lib/time/format';
import { calendarFile, meetingUid, type CalendarAttendee, type CalendarEvent, type ParticipationStatus } from './ics';

/**
 * What a meeting becomes in a calendar that leaves the app. Only when and where, who from
 * the team, and a link back in: never the person's name, the kind of meeting (a "crisis"
 * meeting says too much), the reason for a cancellation, or anything from the notes.
 */
export const MEETING_SUMMARY = 'Network meeting';

/** The name subscribed calendars show for a practitioner's feed. */
export const FEED_NAME = 'Network meetings';

/** The columns a calendar file needs, and no more (db/queries/calendar-files.ts selects them). */
export type MeetingForCalendar = {
  id: string;
  /** For the link back into the app only. */
  personId: string;
  status: (typeof meetingStatus.enumValues)[number];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  locationKind: (typeof locationKind.enumValues)[number];
  locationDetail: string | null;
  videoUrl: string | null;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  /** Who booked it, when known. */
  organizer: { name: string; email: string } | null;
  practitioners: {
    name: string;
    email: string;
    role: (typeof participantRole.enumValues)[number];
    attendance: (typeof attendance.enumValues)[number];
  }[];
};

/**
 * A practitioner's participation. Practitioners are booked by their team into their working
 * time, so until attendance is recorded they count as accepted; recorded absence is declined.
 */
export function practitionerPartstat(
  value: MeetingForCalendar['practitioners'][number]['attendance'],
): ParticipationStatus {
  return value === 'absent' ? 'DECLINED' : 'ACCEPTED';
}

/** An invitee's own answer (the person or a network member), as PARTSTAT: the two map 1:1. */
export function responsePartstat(response: (typeof invitationResponse.enumValues)[number]): ParticipationStatus {
  const map = {
    needs_action: 'NEEDS-ACTION',
    accepted: 'ACCEPTED',
    tentative: 'TENTATIVE',
    declined: 'DECLINED',
  } as const;
  return map[response];
}

/** Where: the place as the app describes it, and the video link when there is one. */
export function meetingLocation(
  meeting: Pick<MeetingForCalendar, 'locationKind' | 'locationDetail' | 'videoUrl'>,
): string {
  const place = placeDescription(meeting.locationKind, meeting.locationDetail);
  return meeting.videoUrl ? `${place} · ${meeting.videoUrl}` : place;
}

export function practitionerAttendees(meeting: Pick<MeetingForCalendar, 'practitioners'>): CalendarAttendee[] {
  return meeting.practitioners.map((p) => ({
    name: p.name,
    email: p.email,
    role: p.role === 'optional' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT',
    partstat: practitionerPartstat(p.attendance),
  }));
}

/**
 * A meeting as one calendar event, with the team's practitioners as attendees. `link` is the
 * meeting's address in the app (sign-in needed), the only thing the description holds. An
 * invitee's own file (issue 5) reuses this and replaces `attendees` and `description`.
 */
export function meetingEvent(
  meeting: MeetingForCalendar,
  options: { link: string; description?: string },
): CalendarEvent {
  const required = meeting.practitioners.find((p) => p.role === 'required') ?? meeting.practitioners[0];
  const organizer = meeting.organizer ?? (required ? { name: required.name, email: required.email } : null);
  return {
    uid: meetingUid(meeting.id),
    sequence: meeting.sequence,
    start: meeting.startsAt,
    end: meeting.endsAt,
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    summary: MEETING_SUMMARY,
    location: meetingLocation(meeting),
    url: options.link,
    description: options.description ?? `Open this meeting in Network meetings (sign-in needed): ${options.link}`,
    organizer,
    attendees: practitionerAttendees(meeting),
    created: meeting.createdAt,
    lastModified: meeting.updatedAt,
  };
}

/**
 * One meeting as a file to add to a calendar: METHOD:CANCEL once it is cancelled, so a client
 * that has it removes it; otherwise METHOD:PUBLISH (shown, not an invitation to answer).
 */
export function meetingCalendarFile(meeting: MeetingForCalendar, options: { link: string; now: Date }): string {
  return calendarFile({
    method: meeting.status === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    events: [meetingEvent(meeting, { link: options.link })],
    now: options.now,
  });
}

/** A practitioner's subscribed calendar: every meeting in the window, cancelled ones marked so. */
export function meetingsFeedFile(
  meetings: MeetingForCalendar[],
  options: { linkFor: (meeting: MeetingForCalendar) => string; now: Date },
): string {
  return calendarFile({
    method: 'PUBLISH',
    name: FEED_NAME,
    refreshMinutes: 60,
    events: meetings.map((m) => meetingEvent(m, { link: options.linkFor(m) })),
    now: options.now,
  });
}

/** "network-meeting-2026-03-30.ics": the local date, and nothing about who it is with. */
export function meetingFileName(meeting: Pick<MeetingForCalendar, 'startsAt' | 'timeZone'>): string {
  return `network-meeting-${localDayKey(meeting.startsAt, meeting.timeZone)}.ics`;
}
