import type { Db } from '@/db/client';
import { bookedMeetingsDuring } from '@/db/queries/absence-clashes';
import { recordAudit } from '@/db/queries/audit';
import { findPractitioner } from '@/db/queries/practitioners';
import { insertAbsence, overlappingAbsence } from '@/db/queries/working-time';
import type { VerbContext } from '@/lib/actions/context';
import { absenceReasonNames } from '@/lib/admin/labels';
import { AppError, sqlState } from '@/lib/errors/app-error';
import { describeDays, intervalToWholeDays, wholeDaysToInterval, type AbsenceInput } from './absence-days';
import { awayNotice } from './away-from-meetings';

function overlapError(message: string) {
  return new AppError('conflict', message, { fieldErrors: { firstDay: [message] } });
}

/** The clash in words, beside the first day: which absence it meets and what to do. */
async function checkNoOverlap(db: Db, userId: string, zone: string, startsAt: Date, endsAt: Date) {
  const clash = await overlappingAbsence(db, userId, startsAt, endsAt);
  if (!clash) return;
  const days = intervalToWholeDays(clash.startsAt, clash.endsAt, zone);
  throw overlapError(
    `These dates overlap an absence already recorded: ${absenceReasonNames[clash.reason].toLowerCase()}, ${describeDays(days.firstDay, days.lastDay)}. Choose other dates, or change that absence first.`,
  );
}

/**
 * Records a practitioner's absence, whole days in their own time zone, never overlapping
 * another. The absence is a fact and is kept; meetings already booked in it stay until someone
 * moves them, so what comes back names them, on any team (administrators see all).
 */
export async function addAbsence(ctx: VerbContext, input: AbsenceInput) {
  const { userId, reason, firstDay, lastDay, note } = input;
  try {
    return await ctx.db.transaction(async (tx) => {
      const practitioner = await findPractitioner(tx, userId);
      if (!practitioner) throw new AppError('not_found');
      const { startsAt, endsAt } = wholeDaysToInterval(firstDay, lastDay, practitioner.timeZone);
      await checkNoOverlap(tx, userId, practitioner.timeZone, startsAt, endsAt);
      const absence = await insertAbsence(tx, { userId, startsAt, endsAt, reason, note });
      await recordAudit(tx, {
        actorId: ctx.actor.actorId,
        teamId: null,
        action: 'create',
        entity: 'user',
        entityId: userId,
        origin: ctx.actor.origin,
        detail: {
          change: 'absence',
          absenceId: absence.id,
          reason,
          firstDay,
          lastDay,
          timeZone: practitioner.timeZone,
        },
      });
      const booked = await bookedMeetingsDuring(tx, { userId, startsAt, endsAt, now: new Date() });
      return {
        summary: `${absenceReasonNames[reason]} for ${practitioner.name}, ${describeDays(firstDay, lastDay)}, is recorded.`,
        notice: awayNotice(practitioner.name, booked),
      };
    });
  } catch (error) {
    // Two saves at once can both pass the check; the exclusion constraint refuses the second.
    const state = sqlState(error);
    if (state?.code === '23P01' && state.constraint === 'absences_no_overlap') {
      throw overlapError(
        'These dates overlap an absence that was just recorded. Reload the page to see it, then choose other dates.',
      );
    }
    throw error;
  }
}
