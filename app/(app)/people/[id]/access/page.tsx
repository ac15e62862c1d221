import type { Metadata } from 'next';
import Link from 'next/link';
import { auditTrail } from '@/db/queries/audit';
import { personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { longDate, timeOfDay } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Who has looked' };

const actionText: Record<string, string> = {
  read: 'Looked at',
  create: 'Added',
  update: 'Changed',
  'consent-change': 'Changed consent',
  deactivate: 'Took someone off the network',
  reactivate: 'Brought someone back to the network',
  discharge: 'Discharged',
  're-refer': 'Referred again',
  assign: 'Added to the core team',
  'end-assignment': 'Ended a core team place',
};

export default async function AccessPage({ params }: PageProps<'/people/[id]/access'>) {
  const { id } = await params;
  const { db, person } = await openPersonRecord(id, 'access');
  const events = await auditTrail(db, 'person', person.id, 100);
  const zone = person.teamTimeZone;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{personDisplayName(person)}</Link> ›
        Who has looked
      </nav>
      <h1>Who has looked at {person.givenName}&apos;s record</h1>
      <p className="muted">Every look and every change is kept and cannot be altered. The latest 100 are shown.</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={i}>
                <td>
                  {longDate(e.at, zone)}, {timeOfDay(e.at, zone)}
                </td>
                <td>{e.actorName ?? 'Unknown'}</td>
                <td>
                  {actionText[e.action] ?? e.action}
                  {e.action === 'read' && typeof e.detail?.view === 'string' ? (
                    <span className="muted"> ({e.detail.view} page)</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
