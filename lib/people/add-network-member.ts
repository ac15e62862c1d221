import { recordAudit } from '@/db/queries/audit';
import { insertNetworkMember } from '@/db/queries/network';
import type { VerbContext } from '@/lib/actions/context';
import type { NetworkMemberInput } from './network-member-input';
import type { PersonRef } from '@/db/queries/people';

/** Adds someone to the person's network, with the person's consent as it stands. Returns their id. */
export async function addNetworkMember(
  ctx: VerbContext,
  args: { person: PersonRef; input: NetworkMemberInput },
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const memberId = await insertNetworkMember(tx, args.person.id, args.input, ctx.actor.actorId);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: args.person.teamId,
      action: 'create',
      entity: 'person',
      entityId: args.person.id,
      origin: ctx.actor.origin,
      detail: { networkMemberId: memberId },
    });
    return memberId;
  });
}
