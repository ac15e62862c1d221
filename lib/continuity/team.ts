import type { Db } from '@/db/client';
import {
  activePeopleOfTeam,
  attendanceOf,
  bookedTo,
  coreAssignmentsOf,
  latestHeldMeetingsOfTeam,
  overdueActionsOfTeam,
  unsignedRecordsOfTeam,
} from '@/db/queries/continuity';
import { DAY_MS } from '@/lib/time/units';
import { assembleMeetings, recentMeeting } from './assemble';
import { flagsOf, type Flag, type Thresholds } from './flags';

export type ReviewRow = {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  referralAt: Date;
  firstHeldAt: Date | null;
  lastHeldAt: Date | null;
  /** Practitioners who came to the last meeting. */
  lastPractitioners: number;
  flags: Flag[];
};

/**
 * The team's active people with the flags that apply now. Reads only that team's rows: each
 * person's latest four held meetings with who came, and set-based counts of unsigned records
 * and overdue actions, so its cost follows the team's size, not the trust's.
 */
export async function teamReview(
  db: Db,
  teamId: string,
  input: { thresholds: Thresholds; now: Date; today: string },
): Promise<ReviewRow[]> {
  const signBefore = new Date(input.now.getTime() - input.thresholds.signDays * DAY_MS);
  const [people, latest, unsigned, overdue] = await Promise.all([
    activePeopleOfTeam(db, teamId),
    latestHeldMeetingsOfTeam(db, teamId, 4),
    unsignedRecordsOfTeam(db, teamId, signBefore),
    overdueActionsOfTeam(db, teamId, input.today),
  ]);
  const ids = latest.map((m) => m.id);
  const [attendance, booked, assignments] = await Promise.all([
    attendanceOf(db, ids),
    bookedTo(db, ids),
    coreAssignmentsOf(
      db,
      people.map((p) => p.id),
    ),
  ]);
  const meetings = assembleMeetings(latest, attendance, booked, assignments);
  const byPerson = new Map<string, typeof meetings>();
  for (const m of meetings) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
  const unsignedOf = new Map(unsigned.map((u) => [u.personId, Number(u.count)]));
  const overdueOf = new Map(overdue.map((o) => [o.personId, o.count]));
  return people.map((p) => {
    const mine = byPerson.get(p.id) ?? [];
    const firstHeldAt = p.firstHeldAt ? new Date(p.firstHeldAt) : null;
    return {
      id: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      preferredName: p.preferredName,
      referralAt: p.referralAt,
      firstHeldAt,
      lastHeldAt: mine[0]?.startsAt ?? null,
      lastPractitioners: mine[0]?.came.length ?? 0,
      flags: flagsOf(
        {
          status: p.status,
          referralAt: p.referralAt,
          firstHeldAt,
          latest: mine.map(recentMeeting),
          unsignedRecords: unsignedOf.get(p.id) ?? 0,
          overdueActions: overdueOf.get(p.id) ?? 0,
        },
        input.thresholds,
        input.now,
      ),
    };
  });
}
