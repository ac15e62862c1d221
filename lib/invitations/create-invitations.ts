import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { insertInvitations, invitableMembers, liveInvitations, recordLinkDaysOf } from '@/db/queries/invitations';
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
): Promise<{ id: string }[]> {
  const existing = await liveInvitations(tx, meeting.id);
  const invitedMembers = new Set(existing.map((e) => e.networkMemberId));
  const person = choice.person && !existing.some((e) => e.isPerson);
  const memberIds = [...new Set(choice.memberIds.filter((id) => !invitedMembers.has(id)))];
  const allowed = await invitableMembers(tx, meeting.personId, memberIds);
  if (allowed.length !== memberIds.length) {
    throw new AppError('invalid_input', 'Only people who agreed to be invited can be invited.', {
      fieldErrors: { invite: ['Only people who agreed to be invited can be invited'] },
    });
  }
  if (!person && allowed.length === 0) return [];
  // A fresh link sent after the meeting gets a whole reading period from now.
  const readingFrom = Math.max(meeting.endsAt.getTime(), Date.now());
  const expiresAt = new Date(readingFrom + (await recordLinkDaysOf(tx, meeting.id)) * DAY_MS);
  const row = (invitee: { personId: string } | { networkMemberId: string }): typeof invitations.$inferInsert => {
    const id = randomUUID();
    return { id, meetingId: meeting.id, ...invitee, tokenHash: hashToken(tokenFor(id)), expiresAt };
  };
  const rows = [
    ...(person ? [row({ personId: meeting.personId })] : []),
    ...allowed.map((m) => row({ networkMemberId: m.id })),
  ];
  return insertInvitations(tx, rows);
}
