'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { assignToCoreTeam, endCoreTeamAssignment } from '@/db/queries/core-team';
import { validatedAction } from '@/lib/actions/validated-action';
import { actorOf, personForAction } from '@/lib/people/access';
import { assignmentInput, endAssignmentInput } from '@/lib/people/core-team-input';

export const assignCoreTeamAction = validatedAction(
  'assignCoreTeam',
  assignmentInput.and(z.object({ personId: z.string() })),
  async function assignCoreTeamAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await assignToCoreTeam(db, person, input, await actorOf(user));
    revalidatePath(`/people/${person.id}`);
    revalidatePath(`/people/${person.id}/core-team`);
    return { message: 'Added to the core team.' };
  },
);

export const endAssignmentAction = validatedAction(
  'endAssignment',
  endAssignmentInput.extend({ personId: z.string() }),
  async function endAssignmentAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await endCoreTeamAssignment(db, person, input.assignmentId, input.endsOn, await actorOf(user));
    revalidatePath(`/people/${person.id}`);
    revalidatePath(`/people/${person.id}/core-team`);
    return { message: 'Their time on the core team has an end date now.' };
  },
);
