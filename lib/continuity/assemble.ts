import { isCurrent } from '@/lib/people/core-team';
import type { RecentMeeting } from './flags';
import { coreCame, type HeldMeeting } from './measures';
import { groupBy } from '@/lib/group-by';

type MeetingRow = { id: string; personId: string; startsAt: Date; day: string };
type AttendanceRow = {
  meetingId: string;
  userId: string | null;
  personId: string | null;
  networkMemberId: string | null;
  came: boolean;
  peer: boolean;
};
type BookedRow = { meetingId: string; userId: string };
type AssignmentRow = { personId: string; userId: string; startsOn: string; endsOn: string | null };

/**
 * Held meetings as the measures need them, from the rows of db/queries/continuity.ts: who came
 * and who was booked and did not, the core team on each meeting's day, peer workers and
 * network members who came. Keeps the order of `meetings`.
 */
export function assembleMeetings(
  meetings: readonly MeetingRow[],
  attendance: readonly AttendanceRow[],
  booked: readonly BookedRow[],
  assignments: readonly AssignmentRow[],
): (HeldMeeting & { personId: string })[] {
  const byMeeting = groupBy(attendance, (a) => a.meetingId);
  const bookedBy = groupBy(booked, (b) => b.meetingId);
  const corePeople = groupBy(assignments, (a) => a.personId);
  return meetings.map((m) => {
    const rows = byMeeting.get(m.id) ?? [];
    const came = [...new Set(rows.filter((r) => r.came && r.userId).map((r) => r.userId!))].sort();
    return {
      id: m.id,
      personId: m.personId,
      startsAt: m.startsAt,
      day: m.day,
      came,
      missed: [...new Set((bookedBy.get(m.id) ?? []).map((b) => b.userId).filter((id) => !came.includes(id)))].sort(),
      coreTeam: [
        ...new Set((corePeople.get(m.personId) ?? []).filter((a) => isCurrent(a, m.day)).map((a) => a.userId)),
      ].sort(),
      peersCame: [...new Set(rows.filter((r) => r.came && r.userId && r.peer).map((r) => r.userId!))].sort(),
      membersCame: [...new Set(rows.filter((r) => r.came && r.networkMemberId).map((r) => r.networkMemberId!))].sort(),
      membersMissed: [
        ...new Set(rows.filter((r) => !r.came && r.networkMemberId).map((r) => r.networkMemberId!)),
      ].sort(),
      personCame: rows.some((r) => r.came && r.personId),
    };
  });
}

/** A held meeting as the flags read it. */
export function recentMeeting(m: HeldMeeting): RecentMeeting {
  return {
    startsAt: m.startsAt,
    came: m.came,
    coreCame: coreCame(m),
    peerCame: m.peersCame.length > 0,
    members: m.membersCame.length,
  };
}
