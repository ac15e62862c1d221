import type { Db } from '@/db/client';
import { personContinuityRows } from '@/db/queries/continuity';
import type { RecordContent } from '@/db/schema/records';
import { isOverdue, openItems } from '@/lib/records/content';
import { DAY_MS } from '@/lib/time/units';
import { assembleMeetings, recentMeeting } from './assemble';
import { flagsOf, flagWindowStart, type Flag, type Thresholds } from './flags';
import type { HeldMeeting } from './measures';

export type PersonContinuity = {
  meetings: HeldMeeting[];
  flags: Flag[];
  /** Everyone from the team who came or was booked, with whether they are peer support workers. */
  practitioners: { id: string; name: string; peer: boolean }[];
  /** Who is in the person's core team now, or was. */
  core: { userId: string; current: boolean }[];
};

/**
 * One person's continuity: every held meeting with who came, and the flags that apply now.
 * `overdueActions` comes from the person's open items (lib/records/content.ts) of the flag
 * window's records (`flagWindowStart`), which the person's page has already read.
 */
export async function personContinuity(
  db: Db,
  person: { id: string; status: 'active' | 'discharged'; referralAt: Date },
  input: { thresholds: Thresholds; now: Date; today: string; overdueActions: number },
): Promise<PersonContinuity> {
  // One statement: the held meetings with who came and who was booked, the core team, the names.
  const { meetings: rows, attendance, booked, assignments, practitioners } = await personContinuityRows(db, person.id);
  const meetings = assembleMeetings(rows, attendance, booked, assignments);
  const involved = new Set([...meetings.flatMap((m) => [...m.came, ...m.missed]), ...assignments.map((a) => a.userId)]);
  const named = practitioners.filter((p) => involved.has(p.id));
  const signBefore = input.now.getTime() - input.thresholds.signDays * DAY_MS;
  const flags = flagsOf(
    {
      status: person.status,
      referralAt: person.referralAt,
      firstHeldAt: meetings[0]?.startsAt ?? null,
      latest: meetings.slice(-4).reverse().map(recentMeeting),
      unsignedRecords: rows.filter(
        (r) =>
          !r.signed && !r.enteredInError && r.endsAt.getTime() < signBefore && r.startsAt >= flagWindowStart(input.now),
      ).length,
      overdueActions: input.overdueActions,
    },
    input.thresholds,
    input.now,
  );
  return {
    meetings,
    flags,
    practitioners: named.map((p) => ({ id: p.id, name: p.name, peer: p.discipline === 'peer_support_worker' })),
    core: [...new Set(assignments.map((a) => a.userId))].map((userId) => ({
      userId,
      current: assignments.some(
        (a) => a.userId === userId && a.startsOn <= input.today && (a.endsOn === null || a.endsOn >= input.today),
      ),
    })),
  };
}

/** The overdue actions the flag counts: open items of the flag window's records only (as the team's review reads them). */
export function overdueForFlag(
  records: readonly { meetingId: string; startsAt: Date; content: RecordContent }[],
  today: string,
  now: Date,
): number {
  const since = flagWindowStart(now);
  return openItems(records.filter((r) => r.startsAt >= since)).actions.filter((a) => isOverdue(a.byWhen, today)).length;
}
