import { recordAudit } from '@/db/queries/audit';
import { setPersonStatus } from '@/db/queries/person-changes';
import type { VerbContext } from '@/lib/actions/context';
import type { PersonRef } from '@/db/queries/people';

/** Takes a discharged person back onto the caseload, from a new referral time. */
export async function reReferPerson(ctx: VerbContext, args: { person: PersonRef; referralAt: Date }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await setPersonStatus(tx, args.person, { status: 'active', referralAt: args.referralAt });
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: args.person.teamId,
      action: 're-refer',
      entity: 'person',
      entityId: args.person.id,
      origin: ctx.actor.origin,
    });
  });
}
