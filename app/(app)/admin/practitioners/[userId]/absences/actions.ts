'use server';

import { refresh } from 'next/cache';
import type { Db } from '@/db/client';
import { bookedMeetingsDuring } from '@/db/queries/absence-clashes';
import { recordAudit } from '@/db/queries/audit';
import { findPractitioner } from '@/db/queries/practitioners';
import { deleteAbsence, insertAbsence, overlappingAbsence } from '@/db/queries/working-time';
import { validatedAction } from '@/lib/actions/validated-action';
import { absenceReasonNames } from '@/lib/admin/labels';
import { requestOrigin } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';
import { AppError, sqlState } from '@/lib/errors/app-error';
import {
  absenceInput,
  absenceRefInput,
  describeDays,
  intervalToWholeDays,
  wholeDaysToInterval,
} from '@/lib/working-time/absence-days';
import { awayNotice } from '@/lib/working-time/away-from-meetings';

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

export const addAbsenceAction = validatedAction(
  'addAbsence',
  absenceInput,
  async function addAbsenceAction({ userId, reason, firstDay, lastDay, note }, { user, db }) {
    assertCan(user, 'manage', { kind: 'administration' });
    const origin = await requestOrigin();
    try {
      const { summary, notice } = await db.transaction(async (tx) => {
        const practitioner = await findPractitioner(tx, userId);
        if (!practitioner) throw new AppError('not_found');
        const { startsAt, endsAt } = wholeDaysToInterval(firstDay, lastDay, practitioner.timeZone);
        await checkNoOverlap(tx, userId, practitioner.timeZone, startsAt, endsAt);
        const absence = await insertAbsence(tx, { userId, startsAt, endsAt, reason, note });
        await recordAudit(tx, {
          actorId: user.id,
          teamId: null,
          action: 'create',
          entity: 'user',
          entityId: userId,
          origin,
          detail: {
            change: 'absence',
            absenceId: absence.id,
            reason,
            firstDay,
            lastDay,
            timeZone: practitioner.timeZone,
          },
        });
        // The absence is a fact and is kept; meetings already booked in it stay until someone
        // moves them, so the administrator is told which, on any team (administrators see all).
        const booked = await bookedMeetingsDuring(tx, { userId, startsAt, endsAt, now: new Date() });
        return {
          summary: `${absenceReasonNames[reason]} for ${practitioner.name}, ${describeDays(firstDay, lastDay)}, is recorded.`,
          notice: awayNotice(practitioner.name, booked),
        };
      });
      refresh();
      return { message: notice ? `${summary} ${notice.sentence}` : summary, links: notice?.meetings };
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
  },
);

export const removeAbsenceAction = validatedAction(
  'removeAbsence',
  absenceRefInput,
  async function removeAbsenceAction({ userId, absenceId }, { user, db }) {
    assertCan(user, 'manage', { kind: 'administration' });
    const origin = await requestOrigin();
    const summary = await db.transaction(async (tx) => {
      const practitioner = await findPractitioner(tx, userId);
      if (!practitioner) throw new AppError('not_found');
      const removed = await deleteAbsence(tx, userId, absenceId);
      if (!removed)
        throw new AppError('not_found', 'That absence was already removed. Reload the page to see the latest.');
      const days = intervalToWholeDays(removed.startsAt, removed.endsAt, practitioner.timeZone);
      await recordAudit(tx, {
        actorId: user.id,
        teamId: null,
        action: 'update',
        entity: 'user',
        entityId: userId,
        origin,
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
    refresh();
    return { message: summary };
  },
);
