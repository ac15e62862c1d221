import type { PersonRef } from '@/db/queries/people';
import { setNetworkMemberActive } from '@/db/queries/network';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { StoppedInvitations } from '@/lib/invitations/stop-invitations';
import { auditMember, nothingStopped, stopAndAudit } from './network-member-audit';

/** Takes a member off the network (never deleting them) or back; leaving ends their links at once. */
export async function changeNetworkMemberActive(
  ctx: VerbContext,
  args: { person: PersonRef; memberId: string; active: boolean },
): Promise<StoppedInvitations> {
  return ctx.db.transaction(async (tx) => {
    if (!(await setNetworkMemberActive(tx, args.person, args.memberId, args.active))) throw new AppError('not_found');
    await auditMember(tx, ctx, args.person, args.memberId, args.active ? 'reactivate' : 'deactivate');
    return args.active ? nothingStopped : stopAndAudit(tx, ctx, args.person, args.memberId);
  });
}
