import type { Db } from '@/db/client';
import { recordAudit, type AuditInput } from '@/db/queries/audit';
import type { PersonRef } from '@/db/queries/people';
import type { VerbContext } from '@/lib/actions/context';
import { stopMemberInvitations, type StoppedInvitations } from '@/lib/invitations/stop-invitations';

/** What the two network-member verbs share: their audit rows, and ending a member's links. */
type Context = VerbContext;
export const nothingStopped: StoppedInvitations = { meetings: 0, emails: 0 };

export async function auditMember(
  tx: Db,
  ctx: Context,
  person: PersonRef,
  memberId: string,
  action: AuditInput['action'],
) {
  await recordAudit(tx, {
    actorId: ctx.actor.actorId,
    teamId: person.teamId,
    action,
    entity: 'person',
    entityId: person.id,
    origin: ctx.actor.origin,
    detail: { networkMemberId: memberId },
  });
}

export async function stopAndAudit(
  tx: Db,
  ctx: Context,
  person: PersonRef,
  memberId: string,
): Promise<StoppedInvitations> {
  const stopped = await stopMemberInvitations(tx, memberId);
  if (stopped.meetings > 0 || stopped.emails > 0) {
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'update',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { networkMemberId: memberId, invitationsStopped: stopped },
    });
  }
  return stopped;
}
