import { recordAudit } from '@/db/queries/audit';
import { findPractitioner } from '@/db/queries/practitioners';
import { replaceWorkingPattern, workingPatternOf } from '@/db/queries/working-time';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { describePattern, type WorkingWindow } from './weekly-pattern';

/**
 * Replaces a practitioner's weekly working pattern (in their own time zone); the audit keeps
 * the pattern before and after, in words. Returns the practitioner's name.
 */
export async function saveWorkingPattern(
  ctx: VerbContext,
  input: { userId: string; windows: readonly WorkingWindow[] },
): Promise<string> {
  const { userId, windows } = input;
  return ctx.db.transaction(async (tx) => {
    const practitioner = await findPractitioner(tx, userId);
    if (!practitioner) throw new AppError('not_found');
    const before = await workingPatternOf(tx, userId);
    await replaceWorkingPattern(tx, userId, windows);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: userId,
      origin: ctx.actor.origin,
      detail: {
        change: 'working pattern',
        timeZone: practitioner.timeZone,
        from: describePattern(before),
        to: describePattern(windows),
      },
    });
    return practitioner.name;
  });
}
