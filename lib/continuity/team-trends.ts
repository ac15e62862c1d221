import type { Db } from '@/db/client';
import { practitionersNamed } from '@/db/queries/continuity';
import { teamFidelityTrend } from '@/db/queries/fidelity';
import type { Thresholds } from './flags';
import { practitionerFigures, type PractitionerFigures } from './practitioners';
import { teamMeetings } from './team-meetings';
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
  const [{ people, meetings: held }, fidelity] = await Promise.all([
    teamMeetings(db, teamId),
    teamFidelityTrend(db, teamId, since),
  ]);
  const meetings: TrendMeeting[] = held.map(({ row, ...m }) => ({
    ...m,
    endsAt: row.endsAt,
    firstSignedAt: row.firstSignedAt ? new Date(row.firstSignedAt) : null,
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
