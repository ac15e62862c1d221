import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CancelMeetingForm } from '@/components/scheduling/cancel-meeting-form';
import { findMeeting } from '@/db/queries/scheduling';
import { disciplineLabel, meetingKindLabel, personDisplayName, placeDescription } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { longDate, timeRange, zoneAbbreviation } from '@/lib/time/format';
import { cancelMeetingAction } from '../actions';

export const metadata: Metadata = { title: 'Meeting' };

const statusText = { scheduled: 'Booked', held: 'Held', did_not_happen: 'Did not happen', cancelled: 'Cancelled' } as const;

export default async function MeetingPage({ params }: PageProps<'/people/[id]/meetings/[meetingId]'>) {
  const { id, meetingId } = await params;
  const { db, person } = await openPersonRecord(id, 'meeting');
  if (!z.guid().safeParse(meetingId).success) notFound();
  const meeting = await findMeeting(db, person.id, meetingId);
  if (!meeting) notFound();
  const name = personDisplayName(person);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> › {meetingKindLabel[meeting.kind]}
      </nav>
      <h1>
        {meetingKindLabel[meeting.kind]} with {person.givenName}
      </h1>
      <section className="card" aria-labelledby="when-heading">
        <h2 id="when-heading">When and where</h2>
        <dl className="facts">
          <dt>When</dt>
          <dd>
            {longDate(meeting.startsAt, meeting.timeZone)}, {timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)} {zoneAbbreviation(meeting.startsAt, meeting.timeZone)}
          </dd>
          <dt>Where</dt>
          <dd>
            {placeDescription(meeting.locationKind, meeting.locationDetail)}
            {meeting.videoUrl ? (
              <>
                {' · '}
                <a href={meeting.videoUrl}>Video link</a>
              </>
            ) : null}
          </dd>
          <dt>From the team</dt>
          <dd>{meeting.practitioners.map((p) => `${p.name} (${disciplineLabel[p.discipline]}${p.role === 'optional' ? ', if free' : ''})`).join(', ')}</dd>
          <dt>Status</dt>
          <dd>
            {statusText[meeting.status]}
            {meeting.statusReason ? `: ${meeting.statusReason}` : ''}
          </dd>
        </dl>
      </section>
      {meeting.status === 'scheduled' ? (
        <section className="card" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Cancel</h2>
          <p className="muted">The practitioners&apos; time is freed at once, and the meeting leaves everyone&apos;s Today.</p>
          <CancelMeetingForm action={cancelMeetingAction} personId={person.id} meetingId={meeting.id} />
        </section>
      ) : null}
    </>
  );
}
