import type { Metadata } from 'next';
import Link from 'next/link';
import { RunChart } from '@/components/continuity/run-chart';
import { openTeamContinuity } from '@/lib/continuity/access';
import { loadTeamTrends } from '@/lib/continuity/team-trends';
import { monthLabel } from '@/lib/continuity/trends';
import { fidelityElementLabel, fidelityElementOrder } from '@/lib/records/fidelity';
import { todayIn } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Continuity trends' };

const pct = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((100 * n) / of)}%`);

/**
 * The team's continuity month by month over a year, as small run charts with their tables;
 * the fidelity self-ratings by element (the team's own, never a ranking); and, for the team's
 * leads and administrators, each practitioner's own figures.
 */
export default async function ContinuityTrendsPage({ params }: PageProps<'/continuity/[teamId]/trends'>) {
  const { teamId } = await params;
  const { db, team, settings, lead } = await openTeamContinuity(teamId, 'continuity-trends');
  const { months, trends, fidelity, practitioners } = await loadTeamTrends(db, teamId, {
    thresholds: settings,
    now: new Date(),
    today: todayIn(settings.timeZone),
    months: 12,
    withPractitioners: lead,
  });
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/continuity">Continuity</Link> › <Link href={`/continuity/${teamId}`}>{team.name}</Link> › Trends
      </nav>
      <h1>Continuity trends: {team.name}</h1>
      <p className="muted">
        Month by month over the last year, from held meetings and who came. Medians are drawn with the middle half of
        the figures around them; the dashed line is the median of the months shown.
      </p>
      <section className="card" aria-labelledby="trends-heading">
        <h2 id="trends-heading">Run charts</h2>
        <div className="charts">
          <RunChart
            id="first"
            title={`First meetings within ${settings.firstMeetingHours} hours of referral`}
            points={trends.firstWithin}
            kind="share"
            unit="people"
          />
          <RunChart id="gaps" title="Days between meetings (median)" points={trends.gapDays} kind="days" unit="gaps" />
          <RunChart
            id="core"
            title="Meetings with someone from the core team"
            points={trends.coreAny}
            kind="share"
            unit="meetings"
          />
          <RunChart
            id="coc"
            title="Continuity index (COC, median per person)"
            points={trends.coc}
            kind="index"
            unit="people with 2 or more meetings"
          />
          <RunChart
            id="signed"
            title={`Records signed within ${settings.signDays} days`}
            points={trends.signedWithin}
            kind="share"
            unit="meetings"
          />
        </div>
      </section>

      <section className="card" aria-labelledby="fidelity-heading">
        <h2 id="fidelity-heading">Fidelity self-ratings by element</h2>
        <p className="muted">
          The mean of the team’s own ratings, 0 (not present) to 3 (fully), with how many ratings; “not applicable” is
          left out. A reflective measure for the team: no one is ranked.
        </p>
        {fidelity.size === 0 ? (
          <p className="muted">No ratings in the last year.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Fidelity by element and month" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Element</th>
                  {months.slice(-6).map((m) => (
                    <th key={m} scope="col">
                      {monthLabel(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {fidelityElementOrder
                  .filter((e) => fidelity.has(e))
                  .map((e) => (
                    <tr key={e}>
                      <th scope="row">{fidelityElementLabel[e]}</th>
                      {fidelity
                        .get(e)!
                        .slice(-6)
                        .map((cell) => (
                          <td key={cell.month}>{cell.mean === null ? '—' : `${cell.mean.toFixed(1)} (${cell.n})`}</td>
                        ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {lead ? (
        <section className="card" aria-labelledby="practitioners-heading">
          <h2 id="practitioners-heading">Each practitioner, the last year</h2>
          <p className="muted">Shown to the team’s leads and administrators only.</p>
          <div className="table-wrap" role="region" aria-label="Each practitioner’s figures" tabIndex={0}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Practitioner</th>
                  <th scope="col">Meetings they came to</th>
                  <th scope="col">People they met</th>
                  <th scope="col">Came when in the core team</th>
                </tr>
              </thead>
              <tbody>
                {practitioners.map((p) => (
                  <tr key={p.userId}>
                    <th scope="row">{p.name}</th>
                    <td>{p.came}</td>
                    <td>{p.people}</td>
                    <td>
                      {p.asCoreCame} of {p.asCore} ({pct(p.asCoreCame, p.asCore)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
