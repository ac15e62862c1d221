import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { insertInvitations, invitableMembers, liveInvitationsOf, recordLinkDaysOf } from '@/db/queries/invitations';
import type { invitations } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { DAY_MS } from '@/lib/time/units';
import { hashToken, tokenFor } from './token';

export type InviteeChoice = { person: boolean; memberIds: string[] };

/**
 * Invites the chosen people to a meeting, inside the booking's transaction: one live invitation
 * (one working link) per invitee per meeting; someone whose link was turned off can be invited
 * again, with a new link. Members without the person's consent, or of another person's network,
 * are refused. Each link works until the meeting's end (or now, for a fresh link after it) plus
 * the team's `record_link_days`, so it opens the notes afterwards (a moved meeting's links
 * follow it: `extendInvitations`).
 * Returns the new invitations with their ids (links come from ids; the database keeps only a
 * SHA-256 of each).
 */
export async function createInvitations(
  tx: Db,
  meeting: { id: string; personId: string; endsAt: Date },
  choice: InviteeChoice,
): Promise<{ id: string; meetingId: string }[]> {
  return createInvitationsToMeetings(tx, meeting.personId, [meeting], choice);
}

/**
 * The same for several meetings of one person (a series, or every meeting that moved), in four
 * statements however many there are.
 */
export async function createInvitationsToMeetings(
  tx: Db,
  personId: string,
  meetings: readonly { id: string; endsAt: Date }[],
  choice: InviteeChoice,
): Promise<{ id: string; meetingId: string }[]> {
  if (meetings.length === 0) return [];
  const existing = await liveInvitationsOf(
    tx,
    meetings.map((m) => m.id),
  );
  const toInvite = meetings.map((meeting) => {
    const already = existing.filter((e) => e.meetingId === meeting.id);
    const invitedMembers = new Set(already.map((e) => e.networkMemberId));
    return {
      meeting,
      person: choice.person && !already.some((e) => e.isPerson),
      memberIds: [...new Set(choice.memberIds.filter((id) => !invitedMembers.has(id)))],
    };
  });
  // Everyone still to be invited to any of them must have agreed to it.
  const memberIds = [...new Set(toInvite.flatMap((t) => t.memberIds))];
  const allowed = new Set((await invitableMembers(tx, personId, memberIds)).map((m) => m.id));
  if (allowed.size !== memberIds.length) {
    throw new AppError('invalid_input', 'Only people who agreed to be invited can be invited.', {
      fieldErrors: { invite: ['Only people who agreed to be invited can be invited'] },
    });
  }
  if (!toInvite.some((t) => t.person || t.memberIds.length > 0)) return [];
  // All the meetings are the person's, so of one team: one reading period for all.
  const days = await recordLinkDaysOf(tx, meetings[0]!.id);
  const rows = toInvite.flatMap(({ meeting, person, memberIds }) => {
    // A fresh link sent after the meeting gets a whole reading period from now.
    const expiresAt = new Date(Math.max(meeting.endsAt.getTime(), Date.now()) + days * DAY_MS);
    const row = (invitee: { personId: string } | { networkMemberId: string }): typeof invitations.$inferInsert => {
      const id = randomUUID();
      return { id, meetingId: meeting.id, ...invitee, tokenHash: hashToken(tokenFor(id)), expiresAt };
    };
    return [...(person ? [row({ personId })] : []), ...memberIds.map((id) => row({ networkMemberId: id }))];
  });
  return insertInvitations(tx, rows);
}
