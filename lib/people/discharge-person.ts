import { recordAudit } from '@/db/queries/audit';
import { setPersonStatus } from '@/db/queries/person-changes';
import { meetingsToCome } from '@/db/queries/scheduling';
import type { VerbContext } from '@/lib/actions/context';
import { cancelMeetings } from '@/lib/scheduling/cancel-meetings';
import type { PersonRef } from '@/db/queries/people';

export const DISCHARGE_REASON = 'Discharged';

/**
 * Discharges a person: in one transaction, every meeting of theirs still to come is cancelled
 * with the reason "Discharged", which frees the team's time, and everyone invited is told (their
 * links then say the meeting is cancelled, and no reminder goes). Returns how many were cancelled.
 */
export async function dischargePerson(ctx: VerbContext, person: PersonRef): Promise<{ cancelled: number }> {
  return ctx.db.transaction(async (tx) => {
    await setPersonStatus(tx, person, { status: 'discharged' });
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'discharge',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
    });
    const toCome = await meetingsToCome(tx, person);
    // The cancelling verb joins this transaction: discharge and cancellations stand or fall together.
    const cancelled = await cancelMeetings(
      { db: tx, actor: ctx.actor },
      { person, meetingIds: toCome.map((m) => m.id), reason: DISCHARGE_REASON },
    );
    return { cancelled: cancelled.length };
  });
}
