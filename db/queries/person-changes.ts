import { and, eq } from 'drizzle-orm';
import type { PersonInput } from '@/lib/people/person-input';
import type { Db } from '../client';
import { people } from '../schema';
import { recordAudit } from './audit';

type Actor = { actorId: string; origin: string };

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

export async function createPerson(
  db: Db,
  teamId: string,
  input: PersonInput,
  referralAt: Date,
  actor: Actor,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ teamId, ...profileValues(input), referralAt })
      .returning({ id: people.id });
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId,
      action: 'create',
      entity: 'person',
      entityId: row!.id,
      origin: actor.origin,
    });
    return row!.id;
  });
}

/**
 * Saves the profile. A change to what network members see about each other is named in the
 * audit event, with the choice before and after: it is the person's privacy.
 */
export async function updatePerson(
  db: Db,
  person: { id: string; teamId: string },
  input: PersonInput,
  referralAt: Date,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const where = and(eq(people.id, person.id), eq(people.teamId, person.teamId));
    const [before] = await tx
      .select({ inviteesSeeEachOther: people.inviteesSeeEachOther })
      .from(people)
      .where(where)
      .for('update');
    await tx
      .update(people)
      .set({ ...profileValues(input), referralAt, updatedAt: new Date() })
      .where(where);
    const seeEachOther =
      before && input.inviteesSeeEachOther && input.inviteesSeeEachOther !== before.inviteesSeeEachOther
        ? { from: before.inviteesSeeEachOther, to: input.inviteesSeeEachOther }
        : undefined;
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId: person.teamId,
      action: 'update',
      entity: 'person',
      entityId: person.id,
      origin: actor.origin,
      ...(seeEachOther ? { detail: { inviteesSeeEachOther: seeEachOther } } : {}),
    });
  });
}

/** Discharge, or take back onto the caseload with a new referral time. */
export async function setPersonStatus(
  db: Db,
  person: { id: string; teamId: string },
  change: { status: 'discharged' } | { status: 'active'; referralAt: Date },
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(people)
      .set(
        change.status === 'discharged'
          ? { status: 'discharged', dischargedAt: new Date(), updatedAt: new Date() }
          : { status: 'active', dischargedAt: null, referralAt: change.referralAt, updatedAt: new Date() },
      )
      .where(and(eq(people.id, person.id), eq(people.teamId, person.teamId)));
    await recordAudit(tx, {
      actorId: actor.actorId,
      teamId: person.teamId,
      action: change.status === 'discharged' ? 'discharge' : 're-refer',
      entity: 'person',
      entityId: person.id,
      origin: actor.origin,
    });
  });
}
