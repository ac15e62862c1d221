import type { Db } from '@/db/client';
import { activePeopleOfTeam, latestHeldMeetingsOfTeam, recordFlagsOfTeam } from '@/db/queries/continuity';
import { groupBy } from '@/lib/group-by';
import { isCurrent } from '@/lib/people/core-team';
import { DAY_MS } from '@/lib/time/units';
import { flagsOf, flagWindowStart, type Flag, type RecentMeeting, type Thresholds } from './flags';
import { coreCame } from './measures';

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
 * person's latest four held meetings with who came, and one pass over the last 12 months'
 * records for unsigned ones and overdue actions, so its cost follows the team's size, not the
 * trust's nor the team's years.
 */
export async function teamReview(
  db: Db,
  teamId: string,
  input: { thresholds: Thresholds; now: Date; today: string },
): Promise<ReviewRow[]> {
  const signBefore = new Date(input.now.getTime() - input.thresholds.signDays * DAY_MS);
  const [people, latest, records] = await Promise.all([
    activePeopleOfTeam(db, teamId),
    latestHeldMeetingsOfTeam(db, teamId, 4),
    recordFlagsOfTeam(db, teamId, { since: flagWindowStart(input.now), signedBefore: signBefore, today: input.today }),
  ]);
  // Who was booked and missed is not part of any flag: the review does not read it.
  const byPerson = groupBy(latest.meetings, (m) => m.personId);
  const coreOf = groupBy(latest.assignments, (a) => a.personId);
  const recordsOf = new Map(records.map((r) => [r.personId, r]));
  return people.map((p) => {
    const assignments = coreOf.get(p.id) ?? [];
    const mine = (byPerson.get(p.id) ?? []).map((m): RecentMeeting => ({
      startsAt: m.startsAt,
      came: m.came,
      coreCame: coreCame({
        came: m.came,
        coreTeam: assignments.filter((a) => isCurrent(a, m.day)).map((a) => a.userId),
      }),
      peerCame: m.peerCame,
      members: m.members,
    }));
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
          latest: mine,
          unsignedRecords: recordsOf.get(p.id)?.unsigned ?? 0,
          overdueActions: recordsOf.get(p.id)?.overdue ?? 0,
        },
        input.thresholds,
        input.now,
      ),
    };
  });
}
