import type { Db } from '@/db/client';
import type { VerbContext } from '@/lib/actions/context';
import { recordAudit, type AuditInput } from '@/db/queries/audit';
import { setNetworkMemberActive, updateNetworkMember } from '@/db/queries/network';
import { AppError } from '@/lib/errors/app-error';
import { stopMemberInvitations, type StoppedInvitations } from '@/lib/invitations/stop-invitations';
import type { NetworkMemberInput } from './network-member-input';
import type { PersonRef } from '@/db/queries/people';

type Context = VerbContext;
const nothingStopped: StoppedInvitations = { meetings: 0, emails: 0 };

async function auditMember(tx: Db, ctx: Context, person: PersonRef, memberId: string, action: AuditInput['action']) {
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

async function stopAndAudit(tx: Db, ctx: Context, person: PersonRef, memberId: string): Promise<StoppedInvitations> {
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

/**
 * Saves a network member (a change of consent is kept in its history and named in the audit).
 * Without the person's consent to invite them (withdrawn now, or never
 * given), none of their links to meetings not yet held works any more, in the same transaction.
 */
export async function saveNetworkMember(
  ctx: Context,
  args: { person: PersonRef; memberId: string; input: NetworkMemberInput },
): Promise<StoppedInvitations> {
  return ctx.db.transaction(async (tx) => {
    const saved = await updateNetworkMember(tx, args.person, args.memberId, args.input, ctx.actor.actorId);
    if (!saved) throw new AppError('not_found');
    await auditMember(tx, ctx, args.person, args.memberId, saved.consentChanged ? 'consent-change' : 'update');
    return args.input.mayBeInvited ? nothingStopped : stopAndAudit(tx, ctx, args.person, args.memberId);
  });
}

/** Takes a member off the network (never deleting them) or back; leaving ends their links at once. */
export async function changeNetworkMemberActive(
  ctx: Context,
  args: { person: PersonRef; memberId: string; active: boolean },
): Promise<StoppedInvitations> {
  return ctx.db.transaction(async (tx) => {
    if (!(await setNetworkMemberActive(tx, args.person, args.memberId, args.active))) throw new AppError('not_found');
    await auditMember(tx, ctx, args.person, args.memberId, args.active ? 'reactivate' : 'deactivate');
    return args.active ? nothingStopped : stopAndAudit(tx, ctx, args.person, args.memberId);
  });
}
