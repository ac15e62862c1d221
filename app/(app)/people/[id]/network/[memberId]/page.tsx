import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { MemberActiveForm } from '@/components/people/member-active-form';
import { NetworkMemberForm } from '@/components/people/network-member-form';
import { consentHistory, findNetworkMember } from '@/db/queries/network';
import { personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { longDate, timeOfDay } from '@/lib/time/format';
import { setNetworkMemberActiveAction, updateNetworkMemberAction } from '../actions';

export const metadata: Metadata = { title: 'Network member' };

export default async function NetworkMemberPage({ params }: PageProps<'/people/[id]/network/[memberId]'>) {
  const { id, memberId } = await params;
  const { db, person } = await openPersonRecord(id, 'network');
  if (!z.guid().safeParse(memberId).success) notFound();
  const member = await findNetworkMember(db, person.id, memberId);
  if (!member) notFound();
  const history = await consentHistory(db, member.id);
  const zone = person.teamTimeZone;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{personDisplayName(person)}</Link> ›{' '}
        {member.givenName}
      </nav>
      <h1>
        {member.givenName} {member.familyName ?? ''}
        {member.active ? null : <span className="muted"> (no longer in the network)</span>}
      </h1>
      <NetworkMemberForm
        action={updateNetworkMemberAction}
        personId={person.id}
        personName={person.givenName}
        member={member}
        submitLabel="Save changes"
      />
      <section className="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading">Consent history</h2>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">May be invited</th>
                <th scope="col">May see shared records</th>
                <th scope="col">Recorded by</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td>
                    {longDate(h.at, zone)}, {timeOfDay(h.at, zone)}
                  </td>
                  <td>{h.mayBeInvited ? 'Yes' : 'No'}</td>
                  <td>{h.maySeeSharedRecords ? 'Yes' : 'No'}</td>
                  <td>{h.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="membership-heading">
        <h2 id="membership-heading">{member.active ? 'Leaving the network' : 'Coming back'}</h2>
        <p className="muted">
          {member.active
            ? `If ${person.givenName} no longer wants ${member.givenName} in their network, take them off the map. Nothing is deleted.`
            : `${member.givenName} is kept in the record but not shown on the map.`}
        </p>
        <MemberActiveForm
          action={setNetworkMemberActiveAction}
          personId={person.id}
          memberId={member.id}
          active={member.active}
        />
      </section>
    </>
  );
}
