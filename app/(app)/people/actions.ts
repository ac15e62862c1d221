'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { findLikelyDuplicates } from '@/db/queries/people';
import { createPerson, setPersonStatus, updatePerson } from '@/db/queries/person-changes';
import { teamPractitioners } from '@/db/queries/core-team';
import { validatedAction } from '@/lib/actions/validated-action';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { deliverSoon } from '@/lib/mail/worker';
import { actorOf, personForAction } from '@/lib/people/access';
import { dischargePerson } from '@/lib/people/discharge-person';
import { personInput, type PersonInput } from '@/lib/people/person-input';
import { fromLocalInput } from '@/lib/time/zoned';
import type { Db } from '@/db/client';

function referralInstant(value: string, zone: string): Date {
  const at = fromLocalInput(value, zone);
  if (!at)
    throw new AppError('invalid_input', undefined, {
      fieldErrors: { referralAt: ['Enter a real date and time, like 2026-11-24 09:30'] },
    });
  if (at.getTime() > Date.now() + 5 * 60_000)
    throw new AppError('invalid_input', undefined, {
      fieldErrors: { referralAt: ['The referral time cannot be in the future'] },
    });
  return at;
}

async function checkFirstContact(db: Db, teamId: string, input: PersonInput) {
  if (!input.firstContactUserId) return;
  const staff = await teamPractitioners(db, teamId);
  if (!staff.some((s) => s.id === input.firstContactUserId)) {
    throw new AppError('invalid_input', undefined, {
      fieldErrors: { firstContactUserId: ['Choose a practitioner from the team'] },
    });
  }
}

async function refuseLikelyDuplicate(db: Db, teamId: string, input: PersonInput, excludeId?: string) {
  if (input.confirmDuplicate) return;
  const same = await findLikelyDuplicates(db, teamId, { ...input, excludeId });
  if (same.length > 0) {
    const who = same[0]!;
    throw new AppError(
      'conflict',
      `${who.givenName} ${who.familyName}, born ${who.dateOfBirth}, is already on this team's caseload. Check it is not the same person; if it is someone else, tick the box to save anyway.`,
      {
        fieldErrors: { confirmDuplicate: ['This may be someone already on the caseload'] },
      },
    );
  }
}

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
    await checkFirstContact(db, teamId, input);
    await refuseLikelyDuplicate(db, teamId, input);
    const id = await createPerson(db, teamId, input, referralAt, await actorOf(user));
    return { redirectTo: `/people/${id}` };
  },
);

export const updatePersonAction = validatedAction(
  'updatePerson',
  personInput.and(z.object({ personId: z.string() })),
  async function updatePersonAction(input, { user, db }) {
    const person = await personForAction(db, user, input.personId);
    const referralAt = referralInstant(input.referralAt, person.teamTimeZone);
    await checkFirstContact(db, person.teamId, input);
    await refuseLikelyDuplicate(db, person.teamId, input, person.id);
    await updatePerson(db, person, input, referralAt, await actorOf(user));
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
      await setPersonStatus(
        db,
        person,
        { status: 'active', referralAt: referralInstant(input.referralAt, person.teamTimeZone) },
        actor,
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
