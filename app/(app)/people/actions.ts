'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { deliverSoon } from '@/lib/mail/worker';
import { personForAction } from '@/lib/people/access';
import { createPerson } from '@/lib/people/create-person';
import { dischargePerson } from '@/lib/people/discharge-person';
import { personInput } from '@/lib/people/person-input';
import { reReferPerson } from '@/lib/people/re-refer-person';
import { referralInstant } from '@/lib/people/referral-time';
import { updatePerson } from '@/lib/people/update-person';
import { actorOf } from '@/lib/audit/origin';

export const createPersonAction = validatedAction(
  'createPerson',
  personInput.and(z.object({ teamId: z.string().default('') })),
  async function createPersonAction(input, { user, db }) {
    // The team comes from the user's own memberships, never from what the form claims.
    const teamId =
      user.memberships.length === 1
        ? user.memberships[0]!.teamId
        : user.memberships.find((m) => m.teamId === input.teamId)?.teamId;
    if (!teamId)
      throw new AppError('invalid_input', undefined, { fieldErrors: { teamId: ['Choose one of your teams'] } });
    if (!can(user, 'create', { kind: 'person', teamId })) throw new AppError('not_found');
    const zone = user.memberships.find((m) => m.teamId === teamId)!.timeZone;
    const referralAt = referralInstant(input.referralAt, zone);
    const id = await createPerson({ db, actor: await actorOf(user) }, { teamId, input, referralAt });
    return { redirectTo: `/people/${id}` };
  },
);

export const updatePersonAction = validatedAction(
  'updatePerson',
  personInput.and(z.object({ personId: z.string() })),
  async function updatePersonAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    const referralAt = referralInstant(input.referralAt, person.teamTimeZone);
    await updatePerson({ db, actor: await actorOf(user) }, { person, input, referralAt });
    revalidatePath(`/people/${person.id}`);
    return { redirectTo: `/people/${person.id}` };
  },
);

const statusInput = z.discriminatedUnion('status', [
  z.object({ personId: z.string(), status: z.literal('discharged') }),
  z.object({
    personId: z.string(),
    status: z.literal('active'),
    referralAt: z.string().trim().min(1, 'Enter when the new referral arrived'),
  }),
]);

export const changeStatusAction = validatedAction(
  'changeStatus',
  statusInput,
  async function changePersonStatus(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    const actor = await actorOf(user);
    revalidatePath(`/people/${person.id}`, 'layout');
    if (input.status === 'active') {
      await reReferPerson(
        { db, actor },
        { person, referralAt: referralInstant(input.referralAt, person.teamTimeZone) },
      );
      return { message: 'Back on the caseload with the new referral time.' };
    }
    const { cancelled } = await dischargePerson({ db, actor }, person);
    deliverSoon();
    revalidatePath('/today');
    revalidatePath('/calendar');
    const meetings =
      cancelled === 0
        ? ''
        : ` ${cancelled === 1 ? 'Their booked meeting is' : `Their ${cancelled} booked meetings are`} cancelled, and everyone invited is told.`;
    return { message: `Discharged.${meetings} The record stays, and they can be referred again.` };
  },
);
