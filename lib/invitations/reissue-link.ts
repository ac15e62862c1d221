import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { hasLiveInvitation, invitationOfMeeting, meetingToInviteTo } from '@/db/queries/invitations';
import { createInvitations } from './create-invitations';
import { AppError } from '@/lib/errors/app-error';
import { notifyInvitees } from './notify';

type Context = { db: Db; actor: { actorId: string; origin: string } };
type PersonRef = { id: string; teamId: string };

/**
 * Sends a new personal link to someone whose link to a meeting was turned off (a lost phone, a
 * link passed on by mistake). The turned-off link stays dead: the new one is a new invitation,
 * so a new token. Only before the meeting starts, only while the invitee may still be invited,
 * and only while they have no working link to it already. The email goes in the same transaction.
 * Returns the new invitation's id.
 */
export async function reissueLink(
  ctx: Context,
  input: { person: PersonRef; meetingId: string; invitationId: string },
): Promise<string> {
  const { person, meetingId, invitationId } = input;
  return ctx.db.transaction(async (tx) => {
    const meeting = await meetingToInviteTo(tx, person, meetingId);
    if (!meeting) throw new AppError('not_found');
    const old = await invitationOfMeeting(tx, meeting.id, invitationId);
    if (!old) throw new AppError('not_found');
    const name = old.inviteeGivenName;
    if (!old.revokedAt)
      throw new AppError('conflict', `${name}’s link still works: copy it from the list, or turn it off first.`);
    if (meeting.status !== 'scheduled')
      throw new AppError(
        'conflict',
        'This meeting is no longer booked, so no new link can be sent. Reload to see it now.',
      );
    if (meeting.startsAt <= new Date())
      throw new AppError('conflict', 'This meeting has started, so no new link can be sent.');
    if (old.networkMemberId && !(old.memberActive && old.memberMayBeInvited))
      throw new AppError('conflict', `${name} is no longer to be invited, so no new link can be sent.`);
    if (await hasLiveInvitation(tx, meeting.id, old))
      throw new AppError('conflict', `${name} already has a new link to this meeting. Reload to see it.`);

    const choice = old.networkMemberId
      ? { person: false, memberIds: [old.networkMemberId] }
      : { person: true, memberIds: [] };
    // Empty only when another reissue won the race for the one live invitation (the partial unique index).
    const [created] = await createInvitations(tx, meeting, choice);
    if (!created) throw new AppError('conflict', `${name} already has a new link to this meeting. Reload to see it.`);
    await notifyInvitees(tx, person, meeting.id, 'invitation', (id) => id === created.id);
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
