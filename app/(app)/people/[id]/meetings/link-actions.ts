'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { reissueLink } from '@/lib/invitations/reissue-link';
import { deliverSoon } from '@/lib/mail/worker';
import { personForAction } from '@/lib/people/access';
import { actorOf } from '@/lib/audit/origin';

const reissueInput = z.object({ personId: z.string(), meetingId: z.guid(), invitationId: z.guid() });

/** Sends a new personal link to an invitee whose link was turned off; the old link stays dead. */
export const reissueLinkAction = validatedAction(
  'reissueLink',
  reissueInput,
  async function reissueLinkAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId, 'book');
    const invitationId = await reissueLink({ db, actor: await actorOf(user) }, { person, ...input });
    deliverSoon();
    revalidatePath(`/people/${person.id}/meetings/${input.meetingId}`);
    revalidatePath('/today');
    // The page names the invitee beside their new link, ready to copy.
    return { redirectTo: `/people/${person.id}/meetings/${input.meetingId}?newLink=${invitationId}` };
  },
);
