import { recordAudit } from '@/db/queries/audit';
import { updatePersonProfile } from '@/db/queries/person-changes';
import type { VerbContext } from '@/lib/actions/context';
import { checkPersonProfile } from './person-checks';
import type { PersonInput } from './person-input';
import type { PersonRef } from '@/db/queries/people';

/**
 * Saves the person's profile. A change to what network members see about each other is named
 * in the audit event, with the choice before and after: it is the person's privacy.
 */
export async function updatePerson(
  ctx: VerbContext,
  args: { person: PersonRef; input: PersonInput; referralAt: Date },
): Promise<void> {
  const { person, input } = args;
  await ctx.db.transaction(async (tx) => {
    await checkPersonProfile(tx, person.teamId, input, person.id);
    const before = await updatePersonProfile(tx, person, input, args.referralAt);
    const seeEachOther =
      before && input.inviteesSeeEachOther && input.inviteesSeeEachOther !== before.inviteesSeeEachOther
        ? { from: before.inviteesSeeEachOther, to: input.inviteesSeeEachOther }
        : undefined;
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'update',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      ...(seeEachOther ? { detail: { inviteesSeeEachOther: seeEachOther } } : {}),
    });
  });
}
