'use server';

import { refresh } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { actorOf } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';
import { absenceInput, absenceRefInput } from '@/lib/working-time/absence-days';
import { addAbsence } from '@/lib/working-time/add-absence';
import { removeAbsence } from '@/lib/working-time/remove-absence';

export const addAbsenceAction = validatedAction(
  'addAbsence',
  absenceInput,
  async function addAbsenceAction(input, { user, db }) {
    assertCan(user, 'manage', { kind: 'administration' });
    const { summary, notice } = await addAbsence({ db, actor: await actorOf(user) }, input);
    refresh();
    return { message: notice ? `${summary} ${notice.sentence}` : summary, links: notice?.meetings };
  },
);

export const removeAbsenceAction = validatedAction(
  'removeAbsence',
  absenceRefInput,
  async function removeAbsenceAction(input, { user, db }) {
    assertCan(user, 'manage', { kind: 'administration' });
    const summary = await removeAbsence({ db, actor: await actorOf(user) }, input);
    refresh();
    return { message: summary };
  },
);
