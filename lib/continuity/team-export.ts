import type { Db } from '@/db/client';
import {
  activePeopleOfTeam,
  attendanceOf,
  bookedTo,
  coreAssignmentsOf,
  heldMeetingsOfTeam,
  overdueActionsOfTeam,
} from '@/db/queries/continuity';
import { personDisplayName } from '@/lib/meetings/labels';
import { DAY_MS } from '@/lib/time/units';
import { assembleMeetings, recentMeeting } from './assemble';
import { pseudonym, type ExportPerson } from './export';
import { flagsOf, type Thresholds } from './flags';

/**
 * Everyone of the team (discharged too) with every held meeting, for the CSV export; people
 * are named by their team pseudonym unless the exporter chose names.
 */
export async function teamExport(
  db: Db,
  teamId: string,
  input: { names: boolean; thresholds: Thresholds; now: Date; today: string },
): Promise<ExportPerson[]> {
  const [people, rows, overdue] = await Promise.all([
    activePeopleOfTeam(db, teamId, true),
    heldMeetingsOfTeam(db, teamId),
    overdueActionsOfTeam(db, teamId, input.today),
  ]);
  const ids = rows.map((r) => r.id);
  const [attendance, booked, assignments] = await Promise.all([
    attendanceOf(db, ids),
    bookedTo(db, ids),
    coreAssignmentsOf(
      db,
      people.map((p) => p.id),
    ),
  ]);
  const meetings = assembleMeetings(rows, attendance, booked, assignments);
  const byPerson = new Map<string, typeof meetings>();
  for (const m of meetings) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  const overdueOf = new Map(overdue.map((o) => [o.personId, o.count]));
  const signBefore = input.now.getTime() - input.thresholds.signDays * DAY_MS;
  const unsigned = new Map<string, number>();
  for (const r of rows)
    if (!r.signed && !r.enteredInError && r.endsAt.getTime() < signBefore)
      unsigned.set(r.personId, (unsigned.get(r.personId) ?? 0) + 1);
  return people.map((p) => {
    const mine = byPerson.get(p.id) ?? [];
    return {
      id: p.id,
      label: input.names ? personDisplayName(p) : pseudonym(teamId, p.id),
      referralAt: p.referralAt,
      status: p.status,
      meetings: mine,
      flags: flagsOf(
        {
          status: p.status,
          referralAt: p.referralAt,
          firstHeldAt: mine[0]?.startsAt ?? null,
          latest: mine.slice(-4).reverse().map(recentMeeting),
          unsignedRecords: unsigned.get(p.id) ?? 0,
          overdueActions: overdueOf.get(p.id) ?? 0,
        },
        input.thresholds,
        input.now,
      ),
    };
  });
}
