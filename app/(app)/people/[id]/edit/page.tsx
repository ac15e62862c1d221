import type { Metadata } from 'next';
import Link from 'next/link';
import { PersonForm } from '@/components/people/person-form';
import { teamPractitioners } from '@/db/queries/core-team';
import { personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { minutesToTime } from '@/lib/people/contact';
import { toLocalInput } from '@/lib/time/zoned';
import { updatePersonAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit details' };

export default async function EditPersonPage({ params }: PageProps<'/people/[id]/edit'>) {
  const { id } = await params;
  const { db, person } = await openPersonRecord(id, 'edit');
  const practitioners = await teamPractitioners(db, person.teamId);
  const prefs = person.meetingPreferences;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{personDisplayName(person)}</Link> ›
        Edit
      </nav>
      <h1>Edit {person.givenName}&apos;s details</h1>
      <PersonForm
        action={updatePersonAction}
        submitLabel="Save changes"
        zoneName={person.teamTimeZone}
        practitioners={practitioners}
        person={{
          ...person,
          preferredWeekdays: prefs?.weekdays ?? [],
          preferredFrom: prefs ? minutesToTime(prefs.fromMinute) : '',
          preferredTo: prefs ? minutesToTime(prefs.toMinute) : '',
          referralAt: toLocalInput(person.referralAt, person.teamTimeZone),
        }}
      />
    </>
  );
}
