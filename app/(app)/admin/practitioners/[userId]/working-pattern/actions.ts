'use server';

import { refresh } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { findPractitioner } from '@/db/queries/practitioners';
import { replaceWorkingPattern, workingPatternOf } from '@/db/queries/working-time';
import { validatedAction } from '@/lib/actions/validated-action';
import { requestOrigin } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { describePattern } from '@/lib/working-time/weekly-pattern';
import { weeklyPatternInput } from '@/lib/working-time/weekly-pattern-input';

export const saveWorkingPatternAction = validatedAction(
  'saveWorkingPattern',
  weeklyPatternInput,
  async function saveWorkingPatternAction({ userId, windows }, { user, db }) {
    assertCan(user, 'manage', { kind: 'administration' });
    const origin = await requestOrigin();
    const name = await db.transaction(async (tx) => {
      const practitioner = await findPractitioner(tx, userId);
      if (!practitioner) throw new AppError('not_found');
      const before = await workingPatternOf(tx, userId);
      await replaceWorkingPattern(tx, userId, windows);
      await recordAudit(tx, {
        actorId: user.id,
        teamId: null,
        action: 'update',
        entity: 'user',
        entityId: userId,
        origin,
        detail: {
          change: 'working pattern',
          timeZone: practitioner.timeZone,
          from: describePattern(before),
          to: describePattern(windows),
        },
      });
      return practitioner.name;
    });
    refresh();
    return { message: `${name}’s working pattern is saved.` };
  },
);
