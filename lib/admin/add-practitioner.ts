import { randomBytes } from 'node:crypto';
import { recordAudit } from '@/db/queries/audit';
import { countExistingTeams, emailTaken, insertAccount } from '@/db/queries/practitioners';
import type { VerbContext } from '@/lib/actions/context';
import { hashPassword } from '@/lib/auth/password';
import { emailTakenError, fieldError } from './practitioner-checks';
import type { NewPractitionerInput } from './practitioner-input';
import { insertSetPasswordLink } from './set-password-link';

/**
 * A new practitioner's account on the chosen teams, with a set-password link whose token goes
 * back once. Nobody knows the account's first password: it can be used only once its owner
 * chooses one from the link.
 */
export async function addPractitioner(ctx: VerbContext, input: NewPractitionerInput) {
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    if (await emailTaken(tx, input.email)) throw emailTakenError();
    if ((await countExistingTeams(tx, input.teamIds)) !== input.teamIds.length) {
      throw fieldError('teamIds', 'One of those teams no longer exists. Reload the page and choose again.');
    }
    const { teamIds, ...details } = input;
    const account = await insertAccount(tx, { ...details, passwordHash }, teamIds);
    const { token } = await insertSetPasswordLink(tx, account.id, ctx.actor.actorId, now);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'create',
      entity: 'user',
      entityId: account.id,
      origin: ctx.actor.origin,
      detail: { ...details, teamIds, invited: true },
    });
    return { account, token };
  });
}
