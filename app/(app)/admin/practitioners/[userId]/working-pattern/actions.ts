'use server';

import { refresh } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { actorOf } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';
import { saveWorkingPattern } from '@/lib/working-time/save-working-pattern';
import { weeklyPatternInput } from '@/lib/working-time/weekly-pattern-input';

export const saveWorkingPatternAction = validatedAction(
  'saveWorkingPattern',
  weeklyPatternInput,
  async function saveWorkingPatternAction({ userId, windows }, { user, db }) {
    assertCan(user, 'manage', { kind: 'administration' });
    const name = await saveWorkingPattern({ db, actor: await actorOf(user) }, { userId, windows });
    refresh();
    return { message: `${name}’s working pattern is saved.` };
  },
);
