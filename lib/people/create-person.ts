import { recordAudit } from '@/db/queries/audit';
import { insertPerson } from '@/db/queries/person-changes';
import type { VerbContext } from '@/lib/actions/context';
import { checkPersonProfile } from './person-checks';
import type { PersonInput } from './person-input';

/** Puts a newly referred person on the team's caseload. Returns their id. */
export async function createPerson(
  ctx: VerbContext,
  args: { teamId: string; input: PersonInput; referralAt: Date },
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    await checkPersonProfile(tx, args.teamId, args.input);
    const id = await insertPerson(tx, args.teamId, args.input, args.referralAt);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: args.teamId,
      action: 'create',
      entity: 'person',
      entityId: id,
      origin: ctx.actor.origin,
    });
    return id;
  });
}
