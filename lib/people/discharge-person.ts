import type { Db } from '@/db/client';
import { setPersonStatus } from '@/db/queries/person-changes';
import { cancelMeetings, meetingsToCome } from '@/db/queries/scheduling';
import { notifyInvitees } from '@/lib/invitations/notify';

type Context = { db: Db; actor: { actorId: string; origin: string } };
type PersonRef = { id: string; teamId: string };

export const DISCHARGE_REASON = 'Discharged';

/**
 * Discharges a person: in one transaction, every meeting of theirs still to come is cancelled
 * with the reason "Discharged", which frees the team's time, and everyone invited is told (their
 * links then say the meeting is cancelled, and no reminder goes). Returns how many were cancelled.
 */
export async function dischargePerson(ctx: Context, person: PersonRef): Promise<{ cancelled: number }> {
  return ctx.db.transaction(async (tx) => {
    await setPersonStatus(tx, person, { status: 'discharged' }, ctx.actor);
    const toCome = await meetingsToCome(tx, person);
    const cancelled = await cancelMeetings(
      tx,
      person,
      toCome.map((m) => m.id),
      DISCHARGE_REASON,
      ctx.actor,
      async (inner, ids) => {
        for (const id of ids) await notifyInvitees(inner, person, id, 'cancelled');
      },
    );
    return { cancelled };
  });
}
