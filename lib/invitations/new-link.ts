import type { meetingStatus } from '@/db/schema/enums';

type MeetingStatus = (typeof meetingStatus.enumValues)[number];

export type OldLink = {
  /** The invitee's first name, for the message. */
  name: string;
  revokedAt: Date | null;
  expiresAt: Date;
  /** The person always; a network member while in the network and with consent to be invited. */
  mayBeInvitedAgain: boolean;
  /** Whether this invitee may read the meeting's notes (`mayRead` in lib/records/rules.ts). */
  mayRead: boolean;
};

/** Whether a link has stopped working: turned off, or past the end of its reading period. */
export function linkEnded(link: { revokedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return link.revokedAt !== null || link.expiresAt <= now;
}

/**
 * Why the team cannot send a fresh personal link in place of this one, or null when it can.
 * Before a booked meeting starts: to anyone still to be invited whose link was turned off.
 * After a held meeting: to anyone who may read its notes whose link was turned off or whose
 * reading period has passed; the new link opens the notes for another reading period.
 * Never to a meeting that was cancelled or did not happen, and never beside a link that works.
 */
export function newLinkRefusal(
  meeting: { status: MeetingStatus; startsAt: Date },
  old: OldLink,
  now: Date,
): string | null {
  const stillWorks = `${old.name}’s link still works: copy it from the list, or turn it off first.`;
  switch (meeting.status) {
    case 'scheduled':
      if (meeting.startsAt <= now)
        return 'This meeting has started. Once it is marked held, a new link to its notes can be sent.';
      if (!old.revokedAt) return stillWorks;
      if (!old.mayBeInvitedAgain) return `${old.name} is no longer to be invited, so no new link can be sent.`;
      return null;
    case 'held':
      if (!linkEnded(old, now)) return stillWorks;
      if (!old.mayRead) return `${old.name} may not read the notes of this meeting, so no new link can be sent.`;
      return null;
    case 'did_not_happen':
      return 'This meeting did not happen, so it has no notes and no new link can be sent.';
    case 'cancelled':
      return 'This meeting is no longer booked, so no new link can be sent. Reload to see it now.';
  }
}
