import { practitionerCame } from '@/db/queries/records';
import { recordAudit } from '@/db/queries/audit';
import { meetingToRate, upsertRatings } from '@/db/queries/fidelity';
import { fidelityElements, type FidelityElement } from '@/db/schema/records';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { FidelityScore } from './fidelity';
import type { PersonRef } from '@/db/queries/people';

export type FidelityRatingInput = { element: FidelityElement; score: FidelityScore | null; note: string | null };

/**
 * A practitioner's own reflective rating of a held meeting they came to, on all 12 elements.
 * In one transaction: the checks, the ratings (replacing their earlier ones), and the audit row.
 */
export async function rateFidelity(
  ctx: VerbContext,
  input: { person: PersonRef; meetingId: string; ratings: readonly FidelityRatingInput[] },
): Promise<void> {
  const { person } = input;
  const elements = new Set(input.ratings.map((r) => r.element));
  if (elements.size !== input.ratings.length || fidelityElements.some((e) => !elements.has(e)))
    throw new AppError('invalid_input', 'Rate each of the 12 elements once, or mark it not applicable.');
  await ctx.db.transaction(async (tx) => {
    const meeting = await meetingToRate(tx, person, input.meetingId);
    if (!meeting) throw new AppError('not_found');
    if (meeting.status !== 'held')
      throw new AppError('invalid_input', 'Only a held meeting is rated: mark it held, with who came, first.');
    if (!(await practitionerCame(tx, meeting.id, ctx.actor.actorId)))
      throw new AppError('forbidden', 'Only practitioners who came to the meeting rate it.');
    await upsertRatings(tx, meeting.id, ctx.actor.actorId, input.ratings);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'rate',
      entity: 'fidelity',
      entityId: meeting.id,
      origin: ctx.actor.origin,
    });
  });
}
