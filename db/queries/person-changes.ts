import { and, eq } from 'drizzle-orm';
import type { PersonInput } from '@/lib/people/person-input';
import type { Db } from '../client';
import { people } from '../schema';
import type { PersonRef } from './people';

function profileValues(input: PersonInput) {
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    preferredName: input.preferredName,
    pronouns: input.pronouns,
    dateOfBirth: input.dateOfBirth,
    email: input.email,
    phone: input.phone,
    address: input.address,
    preferredPlaces: input.preferredPlaces,
    accessibilityNeeds: input.accessibilityNeeds,
    interpreterLanguage: input.interpreterLanguage,
    meetingPreferences:
      input.preferredWeekdays.length || input.preferredFrom !== null
        ? {
            weekdays: input.preferredWeekdays,
            fromMinute: input.preferredFrom ?? 0,
            toMinute: input.preferredTo ?? 24 * 60,
          }
        : null,
    firstContactUserId: input.firstContactUserId,
    ...(input.inviteesSeeEachOther ? { inviteesSeeEachOther: input.inviteesSeeEachOther } : {}),
  };
}

export async function insertPerson(db: Db, teamId: string, input: PersonInput, referralAt: Date): Promise<string> {
  const [row] = await db
    .insert(people)
    .values({ teamId, ...profileValues(input), referralAt })
    .returning({ id: people.id });
  return row!.id;
}

/**
 * Saves the profile, the row locked first; returns what network members saw about each other
 * before (undefined when the person is not on this team).
 */
export async function updatePersonProfile(db: Db, person: PersonRef, input: PersonInput, referralAt: Date) {
  const where = and(eq(people.id, person.id), eq(people.teamId, person.teamId));
  const [before] = await db
    .select({ inviteesSeeEachOther: people.inviteesSeeEachOther })
    .from(people)
    .where(where)
    .for('update');
  await db
    .update(people)
    .set({ ...profileValues(input), referralAt, updatedAt: new Date() })
    .where(where);
  return before;
}

/** Discharge, or take back onto the caseload with a new referral time. */
export async function setPersonStatus(
  db: Db,
  person: PersonRef,
  change: { status: 'discharged' } | { status: 'active'; referralAt: Date },
): Promise<void> {
  await db
    .update(people)
    .set(
      change.status === 'discharged'
        ? { status: 'discharged', dischargedAt: new Date(), updatedAt: new Date() }
        : { status: 'active', dischargedAt: null, referralAt: change.referralAt, updatedAt: new Date() },
    )
    .where(and(eq(people.id, person.id), eq(people.teamId, person.teamId)));
}
