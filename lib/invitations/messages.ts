import { calendarFile } from '@/lib/calendar/ics';
import { meetingEvent, meetingLocation, responsePartstat, type MeetingForCalendar } from '@/lib/calendar/meeting-event';
import { placeDescription } from '@/lib/meetings/labels';
import { longDate, timeRange, zoneAbbreviation } from '@/lib/time/format';
import type { Response } from '@/db/queries/invitations';
import { escapeHtml } from './html';

export type NoticeKind = 'invitation' | 'changed' | 'cancelled' | 'reminder';

export type Notice = {
  kind: NoticeKind;
  /** `isPerson`: the invitee is the person the meeting is for, not someone from their network. */
  invitee: { givenName: string; email: string | null; response: Response; isPerson: boolean };
  personGivenName: string;
  teamName: string;
  meeting: MeetingForCalendar;
  /** The personal link; for the outbox its marker (link-marker.ts), so the stored email holds no working link. */
  link: string;
};

/** "Tuesday 1 December 2026, 10:00–11:00 GMT", in the meeting's own zone. */
export function whenText(meeting: Pick<MeetingForCalendar, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  return `${longDate(meeting.startsAt, meeting.timeZone)}, ${timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)} ${zoneAbbreviation(meeting.startsAt, meeting.timeZone)}`;
}

type Wording = { subject: (when: string) => string; opening: string };

/**
 * Network members are invited to a meeting with the person; the person is told of their own
 * meeting, never invited to a meeting "with" themselves.
 */
function wording(kind: NoticeKind, n: Pick<Notice, 'invitee' | 'personGivenName' | 'teamName'>): Wording {
  const team = `the ${n.teamName}`;
  if (n.invitee.isPerson) {
    return {
      invitation: {
        subject: (when: string) => `Your network meeting with ${team}: ${when}`,
        opening: `Your network meeting with ${team} is booked. The meeting is for you, and we hope you will be there.`,
      },
      changed: {
        subject: (when: string) => `New time: your network meeting is now on ${when}`,
        opening: `Your network meeting with ${team} has a new time.`,
      },
      cancelled: {
        subject: (when: string) => `Cancelled: your network meeting on ${when}`,
        opening: `Your network meeting with ${team} will not take place. Nothing else is needed from you.`,
      },
      reminder: {
        subject: (when: string) => `Reminder: your network meeting on ${when}`,
        opening: `A reminder of your network meeting with ${team}.`,
      },
    }[kind];
  }
  return {
    invitation: {
      subject: (when: string) => `Invitation: a meeting on ${when}`,
      opening: `${n.personGivenName} and ${team} would like you to come to a meeting.`,
    },
    changed: {
      subject: (when: string) => `New time: the meeting is now on ${when}`,
      opening: `The meeting with ${n.personGivenName} and ${team} has a new time.`,
    },
    cancelled: {
      subject: (when: string) => `Cancelled: the meeting on ${when}`,
      opening: `The meeting with ${n.personGivenName} and ${team} will not take place. Nothing else is needed from you.`,
    },
    reminder: {
      subject: (when: string) => `Reminder: the meeting on ${when}`,
      opening: `A reminder of the meeting with ${n.personGivenName} and ${team}.`,
    },
  }[kind];
}

/**
 * An email to an invitee: plain words, the time and place, and their personal link. No
 * clinical content: not the kind of meeting, no notes, no reasons, nobody else's contact details.
 */
export function noticeEmail(n: Notice): { subject: string; text: string; html: string; ics: string } {
  const when = whenText(n.meeting);
  const place = placeDescription(n.meeting.locationKind, n.meeting.locationDetail);
  const { subject, opening } = wording(n.kind, n);
  const willYouCome = n.invitee.isPerson
    ? 'Please let us know if you will be there, with one tap:'
    : 'Please let us know if you can come, with one tap:';
  const ask =
    n.kind === 'cancelled'
      ? null
      : n.kind === 'changed' || n.invitee.response === 'needs_action'
        ? willYouCome
        : 'You can change your answer here:';
  const lines = [
    `Hello ${n.invitee.givenName},`,
    '',
    opening,
    '',
    `When: ${when}`,
    `Where: ${place}`,
    ...(n.meeting.videoUrl && n.kind !== 'cancelled' ? [`Video link: ${n.meeting.videoUrl}`] : []),
    '',
    ...(ask ? [ask, n.link, ''] : []),
    'This link is personal to you: please do not share it.',
  ];
  const html = [
    `<p>Hello ${escapeHtml(n.invitee.givenName)},</p>`,
    `<p>${escapeHtml(opening)}</p>`,
    `<p><strong>When:</strong> ${escapeHtml(when)}<br><strong>Where:</strong> ${escapeHtml(place)}${n.meeting.videoUrl && n.kind !== 'cancelled' ? `<br><strong>Video link:</strong> <a href="${escapeHtml(n.meeting.videoUrl)}">${escapeHtml(n.meeting.videoUrl)}</a>` : ''}</p>`,
    ask
      ? `<p>${escapeHtml(ask)}</p><p><a href="${escapeHtml(n.link)}" style="display:inline-block;padding:12px 20px;background:#1f6f54;color:#fff;border-radius:8px;text-decoration:none;font-weight:600">Answer the invitation</a></p>`
      : '',
    '<p style="color:#555">This link is personal to you: please do not share it.</p>',
  ].join('\n');
  return {
    subject: subject(when),
    text: lines.join('\n'),
    html,
    ics: inviteeCalendar(n.meeting, n.invitee, n.link, new Date()),
  };
}

/**
 * The invitee's own calendar file: the meeting with them as the one attendee and their own
 * answer as PARTSTAT; METHOD:CANCEL once cancelled. The description holds only their link.
 */
export function inviteeCalendar(
  meeting: MeetingForCalendar,
  invitee: { givenName: string; email: string | null; response: Response },
  link: string,
  now: Date,
): string {
  const event = meetingEvent(meeting, { link, description: `Your answer and the latest details: ${link}` });
  return calendarFile({
    method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    now,
    events: [
      {
        ...event,
        location: meetingLocation(meeting),
        attendees: [
          {
            name: invitee.givenName,
            email: invitee.email,
            partstat: responsePartstat(invitee.response),
            role: 'REQ-PARTICIPANT',
            rsvp: false,
          },
        ],
      },
    ],
  });
}
