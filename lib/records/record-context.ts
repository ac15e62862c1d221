import type { Db } from '@/db/client';
import { lockMeeting, meetingForRecord, practitionerCame, recordVersions } from '@/db/queries/records';
import { AppError } from '@/lib/errors/app-error';
import type { PersonRef } from '@/db/queries/people';

/**
 * What every write to a record starts from, inside its transaction: the meeting (locked, so
 * two saves cannot both take the next version), its versions, and whether the actor came.
 */
export async function recordContext(tx: Db, person: PersonRef, meetingId: string, actorId: string) {
  const meeting = await meetingForRecord(tx, person, meetingId);
  if (!meeting) throw new AppError('not_found');
  await lockMeeting(tx, meeting.id);
  const [versions, came] = await Promise.all([
    recordVersions(tx, meeting.id),
    practitionerCame(tx, meeting.id, actorId),
  ]);
  return { meeting, versions, who: { came, meetingHeld: meeting.status === 'held', actorId } };
}

/** Refuses with the rule's own words. */
export function allowed(permission: { ok: true } | { ok: false; why: string }): void {
  if (!permission.ok) throw new AppError('forbidden', permission.why);
}
