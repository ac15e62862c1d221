import type { Db } from '@/db/client';
import {
  activePeopleOfTeam,
  attendanceOf,
  bookedTo,
  coreAssignmentsOf,
  heldMeetingsOfTeam,
  practitionersNamed,
} from '@/db/queries/continuity';
import { teamFidelityTrend } from '@/db/queries/fidelity';
import { assembleMeetings } from './assemble';
import type { Thresholds } from './flags';
import { practitionerFigures, type PractitionerFigures } from './practitioners';
import { fidelityByElement, monthsUpTo, teamTrends, type TrendMeeting } from './trends';

/**
 * The team's trends over the last `months` months, the fidelity self-ratings by element, and
 * (for its leads) each practitioner's own figures over the same months. Reads the team's held
 * meetings with who came; nothing is cached.
 */
export async function loadTeamTrends(
  db: Db,
  teamId: string,
  input: { thresholds: Thresholds; now: Date; today: string; months: number; withPractitioners: boolean },
) {
  const months = monthsUpTo(input.today, input.months);
  const since = new Date(`${months[0]}-01T00:00:00Z`);
  const [people, rows, fidelity] = await Promise.all([
    activePeopleOfTeam(db, teamId, true),
    heldMeetingsOfTeam(db, teamId),
    teamFidelityTrend(db, teamId, since),
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
  const assembled = assembleMeetings(rows, attendance, booked, assignments);
  const meetings: TrendMeeting[] = assembled.map((m, i) => ({
    ...m,
    endsAt: rows[i]!.endsAt,
    firstSignedAt: rows[i]!.firstSignedAt ? new Date(rows[i]!.firstSignedAt!) : null,
  }));
  const trends = teamTrends({
    meetings,
    referrals: new Map(people.map((p) => [p.id, p.referralAt])),
    months,
    thresholds: input.thresholds,
    now: input.now,
  });
  let practitioners: (PractitionerFigures & { name: string })[] = [];
  if (input.withPractitioners) {
    const recent = meetings.filter((m) => m.day.slice(0, 7) >= months[0]!);
    const figures = practitionerFigures(recent);
    const names = new Map(
      (
        await practitionersNamed(
          db,
          figures.map((f) => f.userId),
        )
      ).map((p) => [p.id, p.name]),
    );
    practitioners = figures
      .map((f) => ({ ...f, name: names.get(f.userId) ?? 'Someone' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return { months, trends, fidelity: fidelityByElement(fidelity, months), practitioners };
}
