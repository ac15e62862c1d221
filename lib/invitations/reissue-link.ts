import { recordAudit } from '@/db/queries/audit';
import { invitationOfMeeting, liveInvitations, meetingToInviteTo, revokeInvitation } from '@/db/queries/invitations';
import { readerOfInvitation } from '@/db/queries/records';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { readerOf } from '@/lib/records/reader-view';
import { mayRead } from '@/lib/records/rules';
import { sendNotesLink } from '@/lib/records/notify-readers';
import { createInvitations } from './create-invitations';
import { newLinkRefusal } from './new-link';
import { notifyInvitees } from './notify';
import type { PersonRef } from '@/db/queries/people';

/**
 * Sends a fresh personal link in place of one that stopped working: before the meeting, to
 * someone whose link was turned off (a lost phone, a link passed on by mistake); after a held
 * meeting, to someone who may read its notes whose link was turned off or whose reading period
 * passed (`newLinkRefusal` says when). The old link stays dead: the new one is a new invitation,
 * so a new token, and works for a new reading period from now. The email goes in the same
 * transaction: the invitation before the meeting, the link to the notes after it.
 * Returns the new invitation's id.
 */
export async function reissueLink(
  ctx: VerbContext,
  input: { person: PersonRef; meetingId: string; invitationId: string },
): Promise<string> {
  const { person, meetingId, invitationId } = input;
  return ctx.db.transaction(async (tx) => {
    const meeting = await meetingToInviteTo(tx, person, meetingId);
    if (!meeting) throw new AppError('not_found');
    const old = await invitationOfMeeting(tx, meeting.id, invitationId);
    if (!old) throw new AppError('not_found');
    const reader = await readerOfInvitation(tx, old.id);
    const now = new Date();
    const name = old.inviteeGivenName;
    const refusal = newLinkRefusal(
      meeting,
      {
        name,
        revokedAt: old.revokedAt,
        expiresAt: old.expiresAt,
        mayBeInvitedAgain: old.personId !== null || Boolean(old.memberActive && old.memberMayBeInvited),
        mayRead: reader ? mayRead(readerOf(reader)) : false,
      },
      now,
    );
    if (refusal) throw new AppError('conflict', refusal);
    // A link past its reading period is dead but not turned off: turn it off, so the new one is
    // the invitee's one live link (a partial unique index keeps it to one).
    if (!old.revokedAt) await revokeInvitation(tx, meeting.id, old.id, now);
    const live = await liveInvitations(tx, meeting.id);
    if (live.some((i) => (old.networkMemberId ? i.networkMemberId === old.networkMemberId : i.isPerson)))
      throw new AppError('conflict', `${name} already has a new link to this meeting. Reload to see it.`);

    const choice = old.networkMemberId
      ? { person: false, memberIds: [old.networkMemberId] }
      : { person: true, memberIds: [] };
    // Empty only when another reissue won the race for the one live invitation (the partial unique index).
    const [created] = await createInvitations(tx, meeting, choice);
    if (!created) throw new AppError('conflict', `${name} already has a new link to this meeting. Reload to see it.`);
    if (meeting.status === 'held') await sendNotesLink(tx, meeting.id, created.id);
    else await notifyInvitees(tx, person, [meeting.id], 'invitation', (id) => id === created.id);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'update',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { meetingId: meeting.id, reissuedInvitation: created.id, replaces: old.id },
    });
    return created.id;
  });
}
