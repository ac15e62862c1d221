import type { Db } from '@/db/client';
import {
  activePeopleOfTeam,
  attendanceOf,
  bookedTo,
  coreAssignmentsOf,
  heldMeetingsOfTeam,
} from '@/db/queries/continuity';
import { assembleMeetings } from './assemble';

/**
 * Everyone of the team (discharged too) and every held meeting of theirs with who came, as the
 * export and the trends read them: the meetings in the order of `heldMeetingsOfTeam`, each with
 * its row (end, signatures) beside it.
 */
export async function teamMeetings(db: Db, teamId: string) {
  const [people, rows] = await Promise.all([activePeopleOfTeam(db, teamId, true), heldMeetingsOfTeam(db, teamId)]);
  const ids = rows.map((r) => r.id);
  const [attendance, booked, assignments] = await Promise.all([
    attendanceOf(db, ids),
    bookedTo(db, ids),
    coreAssignmentsOf(
      db,
      people.map((p) => p.id),
    ),
  ]);
  const assembled = assembleMeetings(rows, attendance, booked, assignments);
  return { people, meetings: assembled.map((m, i) => ({ ...m, row: rows[i]! })) };
}
