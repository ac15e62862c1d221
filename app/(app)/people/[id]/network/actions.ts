'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addNetworkMember, setNetworkMemberActive, updateNetworkMember } from '@/db/queries/network';
import { validatedAction } from '@/lib/actions/validated-action';
import { AppError } from '@/lib/errors/app-error';
import { actorOf, personForAction } from '@/lib/people/access';
import { networkMemberInput } from '@/lib/people/network-member-input';

const ids = z.object({ personId: z.string(), memberId: z.guid() });

export const addNetworkMemberAction = validatedAction(networkMemberInput.and(z.object({ personId: z.string() })), async (input, { user, db }) => {
  const person = await personForAction(db, user, input.personId);
  await addNetworkMember(db, person, input, await actorOf(user));
  revalidatePath(`/people/${person.id}`);
  return { redirectTo: `/people/${person.id}#network` };
});

export const updateNetworkMemberAction = validatedAction(networkMemberInput.and(ids), async (input, { user, db }) => {
  const person = await personForAction(db, user, input.personId);
  if (!(await updateNetworkMember(db, person, input.memberId, input, await actorOf(user)))) throw new AppError('not_found');
  revalidatePath(`/people/${person.id}`);
  return { redirectTo: `/people/${person.id}#network` };
});

export const setNetworkMemberActiveAction = validatedAction(ids.extend({ active: z.enum(['true', 'false']) }), async (input, { user, db }) => {
  const person = await personForAction(db, user, input.personId);
  const active = input.active === 'true';
  if (!(await setNetworkMemberActive(db, person, input.memberId, active, await actorOf(user)))) throw new AppError('not_found');
  revalidatePath(`/people/${person.id}`);
  revalidatePath(`/people/${person.id}/network/${input.memberId}`);
  return { message: active ? 'They are back in the network.' : 'They are no longer shown in the network. Their details and history are kept.' };
});
