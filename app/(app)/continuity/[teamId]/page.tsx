import type { Metadata } from 'next';
import Link from 'next/link';
import { openTeamContinuity } from '@/lib/continuity/access';
import { flagLabel, flagRule, flags } from '@/lib/continuity/flags';
import { filterAndSort, flagCounts, pageOfRows, reviewChoice, sortLabel, sorts } from '@/lib/continuity/review';
import { teamReview } from '@/lib/continuity/team';
import { personDisplayName } from '@/lib/meetings/labels';
import { shortDate } from '@/lib/time/format';
import { todayIn } from '@/lib/time/zoned';
import { HOUR_MS } from '@/lib/time/units';

export const metadata: Metadata = { title: 'Continuity review' };

export default async function ContinuityReviewPage({ params, searchParams }: PageProps<'/continuity/[teamId]'>) {
  const { teamId } = await params;
  const { user, db, team, settings } = await openTeamContinuity(teamId, 'continuity');
  const choice = reviewChoice(await searchParams);
  const now = new Date();
  const rows = await teamReview(db, teamId, { thresholds: settings, now, today: todayIn(settings.timeZone) });
  const counts = flagCounts(rows);
  const chosen = filterAndSort(rows, choice);
  const shown = pageOfRows(chosen, choice.page);
  // A new flag or order starts again at the first page.
  const href = (next: { flag?: string | null; sort?: string; page?: number }) => {
    const q = new URLSearchParams();
    const flag = next.flag === undefined ? choice.flag : next.flag;
    if (flag) q.set('flag', flag);
    const sort = next.sort ?? choice.sort;
    if (sort !== 'flags') q.set('sort', sort);
    if (next.page && next.page > 1) q.set('page', String(next.page));
    const s = q.toString();
    return `/continuity/${teamId}${s ? `?${s}` : ''}`;
  };
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/continuity">Continuity</Link> › {team.name}
      </nav>
      <h1>Continuity review: {team.name}</h1>
      <p className="muted">
        {rows.length} active {rows.length === 1 ? 'person' : 'people'}. The team’s thresholds: first meeting within{' '}
        {settings.firstMeetingHours} hours of referral, a meeting at least every {settings.gapDays} days, records signed
        within {settings.signDays} days
        {user.role === 'admin' ? (
          <>
            {' '}
            (<Link href={`/admin/teams/${teamId}`}>change them</Link>)
          </>
        ) : null}
        .
      </p>

      <p className="link-row">
        <Link className="button button-quiet" href={`/continuity/${teamId}/trends`}>
          Trends by month
        </Link>
      </p>

      <section className="card" aria-labelledby="flags-heading">
        <h2 id="flags-heading">Flags</h2>
        <ul className="flag-list">
          <li>
            {choice.flag ? <Link href={href({ flag: null })}>Everyone</Link> : <strong>Everyone</strong>} ({rows.length}
            )
          </li>
          {flags.map((f) => (
            <li key={f}>
              {choice.flag === f ? (
                <strong aria-current="true">{flagLabel[f]}</strong>
              ) : (
                <Link href={href({ flag: f })}>{flagLabel[f]}</Link>
              )}{' '}
              ({counts[f]}): <span className="muted">{flagRule(f, settings)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="people-heading">
        <div className="section-head">
          <h2 id="people-heading">
            {choice.flag ? `${flagLabel[choice.flag]}: ${chosen.length}` : `Everyone: ${chosen.length}`}
          </h2>
          <nav aria-label="Order" className="link-row">
            {sorts.map((s) =>
              s === choice.sort ? (
                <strong key={s} aria-current="true">
                  {sortLabel[s]}
                </strong>
              ) : (
                <Link key={s} href={href({ sort: s })}>
                  {sortLabel[s]}
                </Link>
              ),
            )}
          </nav>
        </div>
        {chosen.length === 0 ? (
          <p className="muted">No one{choice.flag ? ' has this flag' : ' is active in this team'}.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="People and their flags" tabIndex={0}>
            <table className="data">
              <caption className="visually-hidden">People and their flags</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Referred</th>
                  <th scope="col">First meeting</th>
                  <th scope="col">Last meeting</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={`/people/${r.id}#continuity`}>{personDisplayName(r)}</a>
                    </td>
                    <td>{shortDate(r.referralAt, settings.timeZone)}</td>
                    <td>
                      {r.firstHeldAt
                        ? `${Math.round((r.firstHeldAt.getTime() - r.referralAt.getTime()) / HOUR_MS)} hours after`
                        : 'None yet'}
                    </td>
                    <td>
                      {r.lastHeldAt
                        ? `${shortDate(r.lastHeldAt, settings.timeZone)}, ${r.lastPractitioners} from the team`
                        : '—'}
                    </td>
                    <td>
                      {r.flags.length === 0
                        ? '—'
                        : r.flags.map((f) => (
                            // Each flag's rule is in the list above, once, not repeated on every row.
                            <span key={f} className="tag tag-flag">
                              {flagLabel[f]}
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {shown.pages > 1 ? (
          <nav className="pager" aria-label="Pages">
            <span>
              {shown.first}–{shown.last} of {chosen.length}
            </span>
            {shown.page > 1 ? <Link href={href({ page: shown.page - 1 })}>Previous page</Link> : null}
            {shown.page < shown.pages ? <Link href={href({ page: shown.page + 1 })}>Next page</Link> : null}
          </nav>
        ) : null}
      </section>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export for audit and research</h2>
        <p>
          The team’s figures as CSV, with a header row that says what each column means. People are named by a pseudonym
          that stays the same within this team; choose names only where you need them.
        </p>
        <ul className="plain-list">
          <li>
            <a href={`/continuity/${teamId}/export/people.csv`} download>
              Per person (CSV)
            </a>{' '}
            ·{' '}
            <a href={`/continuity/${teamId}/export/people.csv?names=1`} download>
              with names
            </a>
          </li>
          <li>
            <a href={`/continuity/${teamId}/export/meetings.csv`} download>
              Per meeting (CSV)
            </a>{' '}
            ·{' '}
            <a href={`/continuity/${teamId}/export/meetings.csv?names=1`} download>
              with names
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
