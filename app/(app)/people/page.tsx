import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/connection';
import { listCaseload } from '@/db/queries/people';
import { readableTeams, teamIdsOf } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { personDisplayName } from '@/lib/meetings/labels';
import { caseloadHref, caseloadQuery } from '@/lib/people/caseload-query';
import { longDate } from '@/lib/time/format';
import { todayIn } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'People' };

export default async function CaseloadPage({ searchParams }: PageProps<'/people'>) {
  const user = await requireUser();
  const query = caseloadQuery.parse(await searchParams);
  const zone = user.memberships[0]?.timeZone ?? user.timeZone;
  // The caseload is the user's own teams'; administrators open others' people from their team pages.
  const teams = readableTeams(user) === 'all' && user.memberships.length > 0 ? teamIdsOf(user) : readableTeams(user);
  const { rows, total, pageSize } = await listCaseload(
    await getDb(),
    { userId: user.id, teams, today: todayIn(zone) },
    query,
  );
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <div className="page-head">
        <h1>People</h1>
        <Link className="button" href="/people/new">
          Add a person
        </Link>
      </div>
      <form className="filters" action="/people" method="get" role="search" aria-label="Caseload">
        <div className="field">
          <label htmlFor="q">Name</label>
          <input id="q" name="q" type="search" defaultValue={query.q} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="status">Showing</label>
          <select id="status" name="status" defaultValue={query.status}>
            <option value="active">Active</option>
            <option value="discharged">Discharged</option>
            <option value="all">Everyone</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Order</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            <option value="next">Next meeting first</option>
            <option value="last">Most recent meeting first</option>
            <option value="name">By last name</option>
          </select>
        </div>
        <div className="field field-check">
          <input id="mine" name="mine" type="checkbox" value="1" defaultChecked={query.mine} />
          <label htmlFor="mine">Only my core teams</label>
        </div>
        <button className="button" type="submit">
          Show
        </button>
      </form>
      <p aria-live="polite">
        {total === 0
          ? 'No one matches.'
          : `${total} ${total === 1 ? 'person' : 'people'}${pages > 1 ? `, page ${query.page} of ${pages}` : ''}.`}
      </p>
      {rows.length === 0 ? (
        <div className="empty">
          <p>
            {query.q || query.mine || query.status !== 'active'
              ? 'Try fewer letters of the name, or show everyone.'
              : 'No one is on your caseload yet. Add the first person when a referral arrives.'}
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Next meeting</th>
                <th scope="col">Last meeting</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`/people/${p.id}`}>{personDisplayName(p)}</a>
                    {p.pronouns ? <span className="muted"> ({p.pronouns})</span> : null}
                    {user.memberships.length > 1 ? <div className="muted">{p.teamName}</div> : null}
                  </td>
                  <td>{p.nextMeeting ? longDate(p.nextMeeting, zone) : <span className="muted">None booked</span>}</td>
                  <td>{p.lastMeeting ? longDate(p.lastMeeting, zone) : <span className="muted">None yet</span>}</td>
                  <td>{p.status === 'active' ? 'Active' : 'Discharged'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          {query.page > 1 ? <Link href={caseloadHref(query, { page: query.page - 1 })}>Previous page</Link> : null}
          {query.page < pages ? <Link href={caseloadHref(query, { page: query.page + 1 })}>Next page</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
