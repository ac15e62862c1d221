import { calendarFile } from '@/lib/calendar/ics';
import { meetingEvent, meetingLocation, responsePartstat, type MeetingForCalendar } from '@/lib/calendar/meeting-event';
import { placeDescription } from '@/lib/meetings/labels';
import { longDate, timeRange, zoneAbbreviation } from '@/lib/time/format';
import type { Response } from '@/db/queries/invitations';
import { escapeHtml } from './html';

export type NoticeKind = 'invitation' | 'changed' | 'cancelled' | 'reminder';

export type Notice = {
  kind: NoticeKind;
  invitee: { givenName: string; email: string | null; response: Response };
  personGivenName: string;
  teamName: string;
  meeting: MeetingForCalendar;
  link: string;
};

/** "Tuesday 1 December 2026, 10:00–11:00 GMT", in the meeting's own zone. */
export function whenText(meeting: Pick<MeetingForCalendar, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  return `${longDate(meeting.startsAt, meeting.timeZone)}, ${timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)} ${zoneAbbreviation(meeting.startsAt, meeting.timeZone)}`;
}

const subjects: Record<NoticeKind, (when: string) => string> = {
  invitation: (when) => `Invitation: a meeting on ${when}`,
  changed: (when) => `New time: the meeting is now on ${when}`,
  cancelled: (when) => `Cancelled: the meeting on ${when}`,
  reminder: (when) => `Reminder: the meeting on ${when}`,
};

/**
 * An email to an invitee: plain words, the time and place, and their personal link. No
 * clinical content: not the kind of meeting, no notes, no reasons, nobody else's contact details.
 */
export function noticeEmail(n: Notice): { subject: string; text: string; html: string; ics: string } {
  const when = whenText(n.meeting);
  const place = placeDescription(n.meeting.locationKind, n.meeting.locationDetail);
  const opening = {
    invitation: `${n.personGivenName} and the ${n.teamName} would like you to come to a meeting.`,
    changed: `The meeting with ${n.personGivenName} and the ${n.teamName} has a new time.`,
    cancelled: `The meeting with ${n.personGivenName} and the ${n.teamName} will not take place. Nothing else is needed from you.`,
    reminder: `A reminder of the meeting with ${n.personGivenName} and the ${n.teamName}.`,
  }[n.kind];
  const ask = n.kind === 'cancelled' ? null : n.kind === 'changed' || n.invitee.response === 'needs_action' ? 'Please let us know if you can come, with one tap:' : 'You can change your answer here:';
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
    ask ? `<p>${escapeHtml(ask)}</p><p><a href="${escapeHtml(n.link)}" style="display:inline-block;padding:12px 20px;background:#1f6f54;color:#fff;border-radius:8px;text-decoration:none;font-weight:600">Answer the invitation</a></p>` : '',
    '<p style="color:#555">This link is personal to you: please do not share it.</p>',
  ].join('\n');
  return { subject: subjects[n.kind](when), text: lines.join('\n'), html, ics: inviteeCalendar(n.meeting, n.invitee, n.link, new Date()) };
}

/**
 * The invitee's own calendar file: the meeting with them as the one attendee and their own
 * answer as PARTSTAT; METHOD:CANCEL once cancelled. The description holds only their link.
 */
export function inviteeCalendar(meeting: MeetingForCalendar, invitee: { givenName: string; email: string | null; response: Response }, link: string, now: Date): string {
  const event = meetingEvent(meeting, { link, description: `Your answer and the latest details: ${link}` });
  return calendarFile({
    method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    now,
    events: [{ ...event, location: meetingLocation(meeting), attendees: [{ name: invitee.givenName, email: invitee.email, partstat: responsePartstat(invitee.response), role: 'REQ-PARTICIPANT', rsvp: false }] }],
  });
}
