import type { Metadata } from 'next';
import Link from 'next/link';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { getDb } from '@/db/connection';
import { listTeams } from '@/db/queries/teams';
import { requireAllowed } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  await requireAllowed('manage', { kind: 'administration' });
  const teams = await listTeams(await getDb());
  return (
    <>
      <Breadcrumbs trail={[{ href: '/admin', label: 'Administration' }]} />
      <div className="page-head">
        <h1>Teams</h1>
        <Link className="button" href="/admin/teams/new">
          Add a team
        </Link>
      </div>
      {teams.length === 0 ? (
        <div className="empty">
          <p>There are no teams yet. Add the first one, then invite its practitioners.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Teams, with their practitioners and settings</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Time zone</th>
                <th scope="col">Practitioners</th>
                <th scope="col">Travel time</th>
                <th scope="col">Reminder</th>
                <th scope="col">Minimum notice</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row">
                    <Link href={`/admin/teams/${team.id}`}>{team.name}</Link>
                  </th>
                  <td>{team.timeZone.replaceAll('_', ' ')}</td>
                  <td>
                    {team.members}
                    {team.leads === 0 && team.members > 0 ? <span className="tag tag-warning">No lead</span> : null}
                  </td>
                  <td>{team.travelBufferMinutes} min</td>
                  <td>{team.reminderHours} h before</td>
                  <td>{team.minimumNoticeHours} h</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
