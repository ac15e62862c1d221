import { recordAudit } from '@/db/queries/audit';
import { findPractitioner } from '@/db/queries/practitioners';
import { deleteAbsence } from '@/db/queries/working-time';
import type { VerbContext } from '@/lib/actions/context';
import { absenceReasonNames } from '@/lib/admin/labels';
import { AppError } from '@/lib/errors/app-error';
import { describeDays, intervalToWholeDays } from './absence-days';

/** Removes one of a practitioner's absences (the audit keeps what it was). Returns what happened, in words. */
export async function removeAbsence(ctx: VerbContext, input: { userId: string; absenceId: string }): Promise<string> {
  const { userId, absenceId } = input;
  return ctx.db.transaction(async (tx) => {
    const practitioner = await findPractitioner(tx, userId);
    if (!practitioner) throw new AppError('not_found');
    const removed = await deleteAbsence(tx, userId, absenceId);
    if (!removed)
      throw new AppError('not_found', 'That absence was already removed. Reload the page to see the latest.');
    const days = intervalToWholeDays(removed.startsAt, removed.endsAt, practitioner.timeZone);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: userId,
      origin: ctx.actor.origin,
      detail: {
        change: 'absence removed',
        absenceId,
        reason: removed.reason,
        ...days,
        timeZone: practitioner.timeZone,
      },
    });
    return `${absenceReasonNames[removed.reason]}, ${describeDays(days.firstDay, days.lastDay)}, is removed.`;
  });
}
