import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { StatusTag } from '@/components/admin/status-tag';
import { getDb } from '@/db/connection';
import { listPractitioners } from '@/db/queries/practitioners';
import { teamChoices } from '@/db/queries/teams';
import { isId } from '@/lib/admin/input-fields';
import { disciplineNames, roleNames } from '@/lib/admin/labels';
import { requireAllowed } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Practitioners' };

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

export default async function PractitionersPage({ searchParams }: PageProps<'/admin/practitioners'>) {
  await requireAllowed('manage', { kind: 'administration' });
  const params = await searchParams;
  const search = one(params.q).slice(0, 100);
  const teamId = one(params.team);
  const db = await getDb();
  const teams = await teamChoices(db);
  const filterTeam = isId(teamId) ? teams.find((t) => t.id === teamId) : undefined;
  const practitioners = await listPractitioners(db, { search, teamId: filterTeam?.id });
  const filtered = Boolean(search || filterTeam);
  return (
    <>
      <Breadcrumbs trail={[{ href: '/admin', label: 'Administration' }]} />
      <div className="page-head">
        <h1>Practitioners</h1>
        <Link className="button" href="/admin/practitioners/invite">
          Invite a practitioner
        </Link>
      </div>
      <div role="search" aria-label="Find practitioners">
        <form className="filter-form" method="get" action="/admin/practitioners">
          <div className="field">
            <label htmlFor="q">Name or email</label>
            <input id="q" name="q" type="search" defaultValue={search} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="team">Team</label>
            <select id="team" name="team" defaultValue={filterTeam?.id ?? ''}>
              <option value="">All teams</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button className="button button-quiet" type="submit">
              Show
            </button>
            {filtered ? <Link href="/admin/practitioners">Show everyone</Link> : null}
          </div>
        </form>
      </div>
      <p role="status">
        {practitioners.length === 1 ? '1 person' : `${practitioners.length} people`}
        {filterTeam ? ` on ${filterTeam.name}` : ''}
        {search ? ` matching “${search}”` : ''}.
      </p>
      {practitioners.length === 0 ? (
        <div className="empty">
          <p>
            {filtered
              ? 'Nobody matches. Try a shorter search, or all teams.'
              : 'Nobody has an account yet. Invite the first practitioner.'}
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Practitioners, with their teams, discipline, role and status</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Teams</th>
                <th scope="col">Discipline</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {practitioners.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`/admin/practitioners/${p.id}`}>{p.name}</Link>
                    <span className="cell-note">{p.email}</span>
                  </th>
                  <td>
                    {p.teams.length === 0 ? (
                      <span className="muted">None</span>
                    ) : (
                      p.teams.map((t) => (
                        <span className="cell-line" key={t.id}>
                          {t.name}
                          {t.lead ? <span className="tag">Lead</span> : null}
                        </span>
                      ))
                    )}
                  </td>
                  <td>{disciplineNames[p.discipline]}</td>
                  <td>{roleNames[p.role]}</td>
                  <td>
                    <StatusTag status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
