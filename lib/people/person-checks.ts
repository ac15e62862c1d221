import type { Db } from '@/db/client';
import { teamPractitioners } from '@/db/queries/core-team';
import { findLikelyDuplicates } from '@/db/queries/people';
import { AppError } from '@/lib/errors/app-error';
import type { PersonInput } from './person-input';

/**
 * What a person's profile must satisfy before it is saved: a first contact from the team, and
 * no likely duplicate on the caseload unless the practitioner has said it is someone else.
 */
export async function checkPersonProfile(db: Db, teamId: string, input: PersonInput, excludeId?: string) {
  await checkFirstContact(db, teamId, input);
  await refuseLikelyDuplicate(db, teamId, input, excludeId);
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
