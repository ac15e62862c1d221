import type { PersonRef } from '@/db/queries/people';
import { updateNetworkMember } from '@/db/queries/network';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { StoppedInvitations } from '@/lib/invitations/stop-invitations';
import type { NetworkMemberInput } from './network-member-input';
import { auditMember, nothingStopped, stopAndAudit } from './network-member-audit';

/**
 * Saves a network member (a change of consent is kept in its history and named in the audit).
 * Without the person's consent to invite them (withdrawn now, or never
 * given), none of their links to meetings not yet held works any more, in the same transaction.
 */
export async function saveNetworkMember(
  ctx: VerbContext,
  args: { person: PersonRef; memberId: string; input: NetworkMemberInput },
): Promise<StoppedInvitations> {
  return ctx.db.transaction(async (tx) => {
    const saved = await updateNetworkMember(tx, args.person, args.memberId, args.input, ctx.actor.actorId);
    if (!saved) throw new AppError('not_found');
    await auditMember(tx, ctx, args.person, args.memberId, saved.consentChanged ? 'consent-change' : 'update');
    return args.input.mayBeInvited ? nothingStopped : stopAndAudit(tx, ctx, args.person, args.memberId);
  });
}
