import type { z } from 'zod';
import { recordAudit } from '@/db/queries/audit';
import { emailTaken, updateAccountDetails } from '@/db/queries/practitioners';
import type { VerbContext } from '@/lib/actions/context';
import { emailTakenError, fieldError, practitionerOrNotFound } from './practitioner-checks';
import type { practitionerDetailsInput } from './practitioner-input';

/**
 * Saves a practitioner's name, email, role and the rest; the audit names each change, from and
 * to. Administrators cannot take away their own administrator role.
 */
export async function updatePractitionerDetails(
  ctx: VerbContext,
  { userId, ...details }: z.output<typeof practitionerDetailsInput>,
): Promise<void> {
  if (userId === ctx.actor.actorId && details.role !== 'admin') {
    throw fieldError('role', 'You cannot remove your own administrator role. Ask another administrator to do it.');
  }
  await ctx.db.transaction(async (tx) => {
    const before = await practitionerOrNotFound(tx, userId);
    if (await emailTaken(tx, details.email, userId)) throw emailTakenError();
    await updateAccountDetails(tx, userId, details);
    const changes = Object.fromEntries(
      (Object.keys(details) as (keyof typeof details)[])
        .filter((k) => before[k] !== details[k])
        .map((k) => [k, { from: before[k], to: details[k] }]),
    );
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: userId,
      origin: ctx.actor.origin,
      detail: changes,
    });
  });
}
