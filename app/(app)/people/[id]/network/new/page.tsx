import type { Metadata } from 'next';
import Link from 'next/link';
import { NetworkMemberForm } from '@/components/people/network-member-form';
import { personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { addNetworkMemberAction } from '../actions';

export const metadata: Metadata = { title: 'Add to the network' };

export default async function NewNetworkMemberPage({ params }: PageProps<'/people/[id]/network/new'>) {
  const { id } = await params;
  const { person } = await openPersonRecord(id, 'network');
  const name = personDisplayName(person);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> › Add to the network
      </nav>
      <h1>Add someone to {person.givenName}&apos;s network</h1>
      <NetworkMemberForm
        action={addNetworkMemberAction}
        personId={person.id}
        personName={person.givenName}
        member={{ preferredChannel: 'email', mayBeInvited: false }}
        submitLabel="Add to the network"
      />
    </>
  );
}
