import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AttendanceForm } from '@/components/records/attendance-form';
import { addableAttendees, meetingForRecord, meetingParticipants } from '@/db/queries/records';
import { disciplineLabel, meetingKindLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { relationshipLabel } from '@/lib/people/labels';
import { participantKey, participantsOf } from '@/lib/records/participants';
import { longDate, timeRange } from '@/lib/time/format';
import { recordAttendanceAction } from '../record/actions';

export const metadata: Metadata = { title: 'Who came' };

export default async function AttendancePage({ params }: PageProps<'/people/[id]/meetings/[meetingId]/attendance'>) {
  const { id, meetingId } = await params;
  const { db, person } = await openPersonRecord(id, 'attendance');
  if (!z.guid().safeParse(meetingId).success) notFound();
  const meeting = await meetingForRecord(db, person, meetingId);
  if (!meeting) notFound();
  const name = personDisplayName(person);
  const back = `/people/${person.id}/meetings/${meeting.id}`;
  const heading = (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> ›{' '}
        <Link href={back}>{meetingKindLabel[meeting.kind]}</Link> › Who came
      </nav>
      <h1>Who came</h1>
      <p className="muted">
        {longDate(meeting.startsAt, meeting.timeZone)}, {timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}
      </p>
    </>
  );
  if (meeting.status === 'cancelled' || meeting.startsAt > new Date()) {
    return (
      <>
        {heading}
        <p>
          {meeting.status === 'cancelled'
            ? 'This meeting was cancelled, so there is no attendance to record.'
            : 'Attendance is recorded once the meeting has started.'}{' '}
          <Link href={back}>Back to the meeting</Link>
        </p>
      </>
    );
  }
  const participants = participantsOf(await meetingParticipants(db, meeting.id));
  const { members, practitioners } = await addableAttendees(db, person);
  const expected = new Set(participants.map((p) => p.key));
  const addable = [
    ...members
      .filter((m) => !expected.has(participantKey('member', m.id)))
      .map((m) => ({
        key: participantKey('member', m.id),
        label: `${m.name} (${relationshipLabel[m.relationship].toLowerCase()})`,
      })),
    ...practitioners
      .filter((p) => !expected.has(participantKey('practitioner', p.id)))
      .map((p) => ({
        key: participantKey('practitioner', p.id),
        label: `${p.name} (${disciplineLabel[p.discipline]})`,
      })),
  ];
  return (
    <>
      {heading}
      <p>
        Record how each person was at the meeting. Practitioners who came can then write the record with the network.
      </p>
      <AttendanceForm
        action={recordAttendanceAction}
        personId={person.id}
        meetingId={meeting.id}
        status={meeting.status}
        statusReason={meeting.statusReason}
        participants={participants}
        addable={addable}
        practitioners={participants.filter((p) => p.kind === 'practitioner').map((p) => ({ id: p.id, name: p.name }))}
      />
    </>
  );
}
