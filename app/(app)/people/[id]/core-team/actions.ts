'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { personForAction } from '@/lib/people/access';
import { assignToCoreTeam } from '@/lib/people/assign-core-team';
import { assignmentInput, endAssignmentInput } from '@/lib/people/core-team-input';
import { endCoreTeamAssignment } from '@/lib/people/end-core-team-assignment';
import { actorOf } from '@/lib/audit/origin';

export const assignCoreTeamAction = validatedAction(
  'assignCoreTeam',
  assignmentInput.and(z.object({ personId: z.string() })),
  async function assignCoreTeamAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    await assignToCoreTeam({ db, actor: await actorOf(user) }, { person, input });
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
    await endCoreTeamAssignment(
      { db, actor: await actorOf(user) },
      { person, assignmentId: input.assignmentId, endsOn: input.endsOn },
    );
    revalidatePath(`/people/${person.id}`);
    revalidatePath(`/people/${person.id}/core-team`);
    return { message: 'Their time on the core team has an end date now.' };
  },
);
