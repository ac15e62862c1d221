import type { Metadata } from 'next';
import Link from 'next/link';
import { AssignForm, EndAssignmentForm } from '@/components/people/core-team-forms';
import { CoreTeamWarnings } from '@/components/people/core-team-warnings';
import { coreTeamHistory, teamPractitioners } from '@/db/queries/core-team';
import { disciplineLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { coreTeamWarnings, currentCoreTeam, isCurrent } from '@/lib/people/core-team';
import { coreRoleLabel } from '@/lib/people/labels';
import { todayIn } from '@/lib/time/zoned';
import { assignCoreTeamAction, endAssignmentAction } from './actions';

export const metadata: Metadata = { title: 'Core team' };

export default async function CoreTeamPage({ params }: PageProps<'/people/[id]/core-team'>) {
  const { id } = await params;
  const { db, person } = await openPersonRecord(id, 'core-team');
  const [history, practitioners] = await Promise.all([
    coreTeamHistory(db, person.id),
    teamPractitioners(db, person.teamId),
  ]);
  const today = todayIn(person.teamTimeZone);
  const warnings = coreTeamWarnings(currentCoreTeam(history, today));
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{personDisplayName(person)}</Link> ›
        Core team
      </nav>
      <h1>{person.givenName}&apos;s core team</h1>
      <p className="muted">
        The practitioners who stay with {person.givenName} from crisis to recovery. Keep them the same where you can.
      </p>
      <CoreTeamWarnings warnings={warnings} />
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Now and before</h2>
        {history.length === 0 ? (
          <p className="muted">No one has been on the core team yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Practitioner</th>
                  <th scope="col">Role</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                  <th scope="col">
                    <span className="visually-hidden">Change</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((a) => (
                  <tr key={a.id}>
                    <td>
                      {a.name}
                      <br />
                      <span className="muted">{disciplineLabel[a.discipline]}</span>
                      {a.accessOff ? <span className="tag tag-warning">access turned off</span> : null}
                    </td>
                    <td>{coreRoleLabel[a.role]}</td>
                    <td>{a.startsOn}</td>
                    <td>{a.endsOn ?? (isCurrent(a, today) ? 'Now' : '—')}</td>
                    <td>
                      {a.endsOn === null ? (
                        <EndAssignmentForm
                          action={endAssignmentAction}
                          personId={person.id}
                          assignmentId={a.id}
                          name={a.name}
                          today={today}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="assign-heading">
        <h2 id="assign-heading">Add a practitioner</h2>
        <AssignForm
          action={assignCoreTeamAction}
          personId={person.id}
          today={today}
          practitioners={practitioners.map((p) => ({
            id: p.id,
            label: `${p.name} (${disciplineLabel[p.discipline]})`,
          }))}
        />
      </section>
    </>
  );
}
