import type { Db } from '@/db/client';
import { recordFlagsOfTeam } from '@/db/queries/continuity';
import { personDisplayName } from '@/lib/meetings/labels';
import { DAY_MS } from '@/lib/time/units';
import { recentMeeting } from './assemble';
import { pseudonym, type ExportPerson } from './export';
import { flagsOf, flagWindowStart, type Thresholds } from './flags';
import { teamMeetings } from './team-meetings';

/**
 * Everyone of the team (discharged too) with every held meeting, for the CSV export; people
 * are named by their team pseudonym unless the exporter chose names.
 */
export async function teamExport(
  db: Db,
  teamId: string,
  input: { names: boolean; thresholds: Thresholds; now: Date; today: string },
): Promise<ExportPerson[]> {
  const signBefore = new Date(input.now.getTime() - input.thresholds.signDays * DAY_MS);
  const [{ people, meetings }, records] = await Promise.all([
    teamMeetings(db, teamId),
    recordFlagsOfTeam(db, teamId, { since: flagWindowStart(input.now), signedBefore: signBefore, today: input.today }),
  ]);
  const byPerson = new Map<string, typeof meetings>();
  for (const m of meetings) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  const recordsOf = new Map(records.map((r) => [r.personId, r]));
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
          unsignedRecords: recordsOf.get(p.id)?.unsigned ?? 0,
          overdueActions: recordsOf.get(p.id)?.overdue ?? 0,
        },
        input.thresholds,
        input.now,
      ),
    };
  });
}
