import Link from 'next/link';
import { flagLabel, flagRule, type Thresholds } from '@/lib/continuity/flags';
import { periodLabel, periods, type Period } from '@/lib/continuity/period';
import { strip } from '@/lib/continuity/measures';
import type { PersonContinuity } from '@/lib/continuity/person';
import { shortDate } from '@/lib/time/format';
import { Ribbon } from './ribbon';
import { ContinuityStrip } from './strip';

/**
 * A person's continuity of care on their page: the flags that apply now with their rules, the
 * ribbon, the strip of numbers for a chosen period, and a table with the ribbon's facts.
 */
export function PersonContinuitySection({
  personId,
  personName,
  referralAt,
  timeZone,
  continuity,
  members,
  thresholds,
  period,
  from,
  now,
  actions,
}: {
  personId: string;
  personName: string;
  referralAt: Date;
  timeZone: string;
  continuity: PersonContinuity;
  /** Network members as the person allows them to be named. */
  members: { id: string; label: string }[];
  thresholds: Thresholds;
  period: Period;
  from: Date | undefined;
  now: Date;
  actions: { open: number; overdue: number };
}) {
  const { meetings, flags, practitioners, core } = continuity;
  const coreIds = new Set(core.map((c) => c.userId));
  const coreNow = new Set(core.filter((c) => c.current).map((c) => c.userId));
  const rows = [...practitioners].sort(
    (a, b) =>
      Number(coreNow.has(b.id)) - Number(coreNow.has(a.id)) ||
      Number(coreIds.has(b.id)) - Number(coreIds.has(a.id)) ||
      Number(b.peer) - Number(a.peer) ||
      a.name.localeCompare(b.name),
  );
  const seen = new Set(meetings.flatMap((m) => [...m.came, ...m.missed]));
  const shown = rows
    .filter((p) => seen.has(p.id))
    .map((p) => ({
      ...p,
      core: coreNow.has(p.id) ? ('core' as const) : coreIds.has(p.id) ? ('former core' as const) : null,
    }));
  const nameOf = new Map([
    ...practitioners.map((p) => [p.id, p.name] as const),
    ...members.map((m) => [m.id, m.label] as const),
  ]);
  const memberRows = members.filter((m) =>
    meetings.some((x) => x.membersCame.includes(m.id) || x.membersMissed.includes(m.id)),
  );
  const figures = strip({ all: meetings, from, referralAt });
  const names = (ids: readonly string[]) =>
    ids.length === 0 ? '—' : ids.map((id) => nameOf.get(id) ?? 'Someone').join(', ');
  return (
    <section className="card" id="continuity" aria-labelledby="continuity-heading">
      <div className="section-head">
        <h2 id="continuity-heading">Continuity of care</h2>
        <nav aria-label="Period" className="link-row">
          {periods.map((p) =>
            p === period ? (
              <strong key={p} aria-current="true">
                {periodLabel[p]}
              </strong>
            ) : (
              <Link key={p} href={`/people/${personId}?period=${p}#continuity`}>
                {periodLabel[p]}
              </Link>
            ),
          )}
        </nav>
      </div>
      {flags.length > 0 ? (
        <ul className="flag-list" aria-label="Flags">
          {flags.map((f) => (
            <li key={f}>
              <span className="tag tag-flag">{flagLabel[f]}</span> {flagRule(f, thresholds)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No flags: nothing here passes the team’s thresholds.</p>
      )}
      {meetings.length === 0 ? (
        <p className="muted">No meetings have been held yet, so there is no ribbon to draw.</p>
      ) : (
        <div
          className="ribbon-wrap"
          role="region"
          aria-label="The ribbon, which scrolls sideways on a narrow screen"
          tabIndex={0}
        >
          <Ribbon
            meetings={meetings}
            referralAt={referralAt}
            now={now}
            timeZone={timeZone}
            personName={personName}
            practitioners={shown}
            members={memberRows}
            gapDays={thresholds.gapDays}
          />
          <p className="muted ribbon-key">
            ● came · ○ expected and did not come · shaded: more than {thresholds.gapDays} days between meetings
          </p>
        </div>
      )}
      <ContinuityStrip
        figures={figures}
        period={periodLabel[period].toLowerCase()}
        firstMeetingHours={thresholds.firstMeetingHours}
        hoursSinceReferral={(now.getTime() - referralAt.getTime()) / 3_600_000}
        actions={actions}
      />
      {meetings.length > 0 ? (
        <details>
          <summary>The ribbon’s facts as a table</summary>
          <div className="table-wrap" role="region" aria-label="Held meetings" tabIndex={0}>
            <table className="data">
              <caption>Held meetings, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">From the team, came</th>
                  <th scope="col">Expected, did not come</th>
                  <th scope="col">Network, came</th>
                  <th scope="col">{personName}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id}>
                    <td>{shortDate(m.startsAt, timeZone)}</td>
                    <td>{names(m.came)}</td>
                    <td>{names(m.missed)}</td>
                    <td>{names(m.membersCame)}</td>
                    <td>{m.personCame ? 'came' : 'did not come'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
