'use server';

import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { personForAction } from '@/lib/people/access';
import { fidelityInput } from '@/lib/records/fidelity-input';
import { rateFidelity } from '@/lib/records/rate-fidelity';
import { actorOf } from '@/lib/audit/origin';

export const rateFidelityAction = validatedAction(
  'rateFidelity',
  fidelityInput,
  async function rateFidelityAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await rateFidelity(
      { db, actor: await actorOf(user) },
      { person, meetingId: input.meetingId, ratings: input.ratings },
    );
    revalidatePath(`/people/${person.id}/meetings/${input.meetingId}/fidelity`);
    return { message: 'Your ratings are saved. You can change them at any time.' };
  },
);
