'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { stoppedInvitationsSentence } from '@/lib/invitations/stop-invitations';
import { personForAction } from '@/lib/people/access';
import { addNetworkMember } from '@/lib/people/add-network-member';
import { changeNetworkMemberActive } from '@/lib/people/change-network-member-active';
import { saveNetworkMember } from '@/lib/people/save-network-member';
import { networkMemberInput } from '@/lib/people/network-member-input';
import { actorOf } from '@/lib/audit/origin';

const ids = z.object({ personId: z.string(), memberId: z.guid() });

function refreshMember(personId: string, memberId: string) {
  revalidatePath(`/people/${personId}`, 'layout');
  revalidatePath(`/people/${personId}/network/${memberId}`);
  revalidatePath('/today');
}

export const addNetworkMemberAction = validatedAction(
  'addNetworkMember',
  networkMemberInput.and(z.object({ personId: z.string() })),
  async function addNetworkMemberToPerson(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await addNetworkMember({ db, actor: await actorOf(user) }, { person, input });
    revalidatePath(`/people/${person.id}`);
    return { redirectTo: `/people/${person.id}#network` };
  },
);

export const updateNetworkMemberAction = validatedAction(
  'updateNetworkMember',
  networkMemberInput.and(ids),
  async function updateNetworkMemberOfPerson(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    const stopped = await saveNetworkMember(
      { db, actor: await actorOf(user) },
      { person, memberId: input.memberId, input },
    );
    refreshMember(person.id, input.memberId);
    // Links just turned off are said here, where the change was made; otherwise back to the network.
    const sentence = stoppedInvitationsSentence(`${input.givenName}’s`, stopped);
    return sentence ? { message: `Saved. ${sentence}` } : { redirectTo: `/people/${person.id}#network` };
  },
);

export const setNetworkMemberActiveAction = validatedAction(
  'setNetworkMemberActive',
  ids.extend({ active: z.enum(['true', 'false']) }),
  async function setNetworkMemberActiveOfPerson(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    const active = input.active === 'true';
    const stopped = await changeNetworkMemberActive(
      { db, actor: await actorOf(user) },
      { person, memberId: input.memberId, active },
    );
    refreshMember(person.id, input.memberId);
    if (active) return { message: 'They are back in the network.' };
    const sentence = stoppedInvitationsSentence('Their', stopped);
    return {
      message: `They are no longer shown in the network. Their details and history are kept.${sentence ? ` ${sentence}` : ''}`,
    };
  },
);
