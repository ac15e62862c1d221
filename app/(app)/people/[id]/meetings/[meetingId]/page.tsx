import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CancelMeetingForm } from '@/components/scheduling/cancel-meeting-form';
import { practitionersAwayDuringMeeting } from '@/db/queries/absence-clashes';
import { findMeeting, restOfSeries } from '@/db/queries/scheduling';
import { namesLeftOut } from '@/lib/scheduling/left-out';
import { leftOutSentence } from '@/lib/scheduling/series';
import { disciplineLabel, meetingKindLabel, personDisplayName, placeDescription } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { longDate, timeRange, zoneAbbreviation } from '@/lib/time/format';
import { awayThen, firstNameOf } from '@/lib/working-time/away-from-meetings';
import { cancelMeetingAction, revokeLinkAction } from '../actions';
import { reissueLinkAction } from '../link-actions';
import { InviteesSection } from '@/components/meetings/invitees-section';
import { meetingInvitations } from '@/db/queries/invitations';
import { invitationLink } from '@/lib/invitations/token';

export const metadata: Metadata = { title: 'Meeting' };

const statusText = {
  scheduled: 'Booked',
  held: 'Held',
  did_not_happen: 'Did not happen',
  cancelled: 'Cancelled',
} as const;

export default async function MeetingPage({ params, searchParams }: PageProps<'/people/[id]/meetings/[meetingId]'>) {
  const { id, meetingId } = await params;
  const { moved, without, newLink, attendance } = await searchParams;
  const { db, person } = await openPersonRecord(id, 'meeting');
  if (!z.guid().safeParse(meetingId).success) notFound();
  const meeting = await findMeeting(db, person.id, meetingId);
  if (!meeting) notFound();
  const name = personDisplayName(person);
  const rest =
    meeting.seriesId && meeting.status === 'scheduled'
      ? await restOfSeries(db, person, meeting.seriesId, meeting.startsAt)
      : [];
  const move = `/people/${person.id}/meetings/new?meeting=${meeting.id}`;
  const invited = (await meetingInvitations(db, meeting.id)).map((i) => ({ ...i, link: invitationLink(i.id) }));
  const notAdded = moved ? await namesLeftOut(db, person.teamId, without) : [];
  // Someone from the team away then (an absence recorded after booking): only a meeting still
  // to come can be moved, so only then is it said.
  const toCome = meeting.status === 'scheduled' && meeting.startsAt > new Date();
  const away = toCome ? await practitionersAwayDuringMeeting(db, meeting.id) : [];
  const nameOf = new Map(meeting.practitioners.map((p) => [p.userId, p.name]));
  const mustBeThere = away
    .filter((a) => a.role === 'required')
    .map((a) => awayThen(nameOf.get(a.userId) ?? 'Someone from the team', a.reason));
  const accessOff = toCome
    ? meeting.practitioners
        .filter((p) => p.accessOff)
        .map((p) => `${firstNameOf(p.name)} can no longer sign in (their access is turned off)`)
    : [];
  const ifFree = away
    .filter((a) => a.role === 'optional')
    .map((a) => ({ userId: a.userId, name: nameOf.get(a.userId) ?? 'Someone from the team', reason: a.reason }));
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> ›{' '}
        {meetingKindLabel[meeting.kind]}
      </nav>
      <h1>
        {meetingKindLabel[meeting.kind]} with {person.givenName}
      </h1>
      {moved ? (
        <div className="alert alert-success" role="status">
          {moved === '1' ? 'The meeting has moved.' : `${moved} meetings of the series have moved.`} The new time is on
          the calendars of everyone from the team who is coming. {leftOutSentence(notAdded, moved === '1' ? 1 : 2)}
        </div>
      ) : null}
      {accessOff.length > 0 ? (
        <div className="alert alert-warning" role="note">
          {accessOff.join('. ')}. <Link href={move}>Move the meeting or change who comes</Link>.
        </div>
      ) : null}
      {mustBeThere.length > 0 ? (
        <div className="alert alert-warning" role="note">
          {mustBeThere.join('. ')}. <Link href={move}>Move the meeting or change who comes</Link>.
        </div>
      ) : null}
      <section className="card" aria-labelledby="when-heading">
        <h2 id="when-heading">When and where</h2>
        <dl className="facts">
          <dt>When</dt>
          <dd>
            {longDate(meeting.startsAt, meeting.timeZone)},{' '}
            {timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}{' '}
            {zoneAbbreviation(meeting.startsAt, meeting.timeZone)}
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
          <dd>
            {meeting.practitioners
              .map((p) => `${p.name} (${disciplineLabel[p.discipline]}${p.role === 'optional' ? ', if free' : ''})`)
              .join(', ')}
          </dd>
          {meeting.seriesId ? (
            <>
              <dt>Series</dt>
              <dd>
                {rest.length > 1
                  ? `Part of a series: ${rest.length - 1} more booked after this one`
                  : 'Part of a series'}
              </dd>
            </>
          ) : null}
          <dt>Status</dt>
          <dd>
            {statusText[meeting.status]}
            {meeting.statusReason ? `: ${meeting.statusReason}` : ''}
          </dd>
        </dl>
        {ifFree.map((a) => (
          <p key={a.userId} className="muted">
            {awayThen(a.name, a.reason)}, and was coming only if free: the meeting can go ahead without{' '}
            {firstNameOf(a.name)}.
          </p>
        ))}
        <p className="link-row">
          {/* A plain link: the file comes from a route handler, not a page to navigate to. */}
          <a href={`/people/${person.id}/meetings/${meeting.id}/calendar.ics`} download>
            {meeting.status === 'cancelled' ? 'Remove from my calendar (.ics)' : 'Add to my calendar (.ics)'}
          </a>
          <Link href="/calendar/feed">All my meetings in my calendar app</Link>
        </p>
      </section>
      <InviteesSection
        rows={invited}
        meeting={meeting}
        now={new Date()}
        revoke={revokeLinkAction}
        reissue={reissueLinkAction}
        newLinkId={typeof newLink === 'string' ? newLink : undefined}
        personId={person.id}
        visibility={{ inviteesSeeEachOther: person.inviteesSeeEachOther, personFirstName: person.givenName }}
      />
      {meeting.status !== 'cancelled' && meeting.startsAt <= new Date() ? (
        <section className="card" aria-labelledby="after-heading">
          <h2 id="after-heading">After the meeting</h2>
          {attendance ? (
            <div className="alert alert-success" role="status">
              Attendance saved.
            </div>
          ) : null}
          <p className="link-row">
            <Link className="button button-quiet" href={`/people/${person.id}/meetings/${meeting.id}/attendance`}>
              {meeting.status === 'scheduled' ? 'Mark held or not, and who came' : 'Change who came'}
            </Link>
            {meeting.status === 'held' ? (
              <Link className="button" href={`/people/${person.id}/meetings/${meeting.id}/record`}>
                Record
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}
      {meeting.status === 'scheduled' ? (
        <section className="card" aria-labelledby="move-heading">
          <h2 id="move-heading">Change the time or place</h2>
          <p className="link-row">
            <Link className="button button-quiet" href={move}>
              Move this meeting
            </Link>
            {rest.length > 1 ? (
              <Link className="button button-quiet" href={`${move}&scope=rest`}>
                Move this and the rest of the series
              </Link>
            ) : null}
          </p>
        </section>
      ) : null}
      {meeting.status === 'scheduled' ? (
        <section className="card" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Cancel</h2>
          <p className="muted">
            The practitioners&apos; time is freed at once, and the meeting leaves everyone&apos;s Today.
          </p>
          <CancelMeetingForm
            action={cancelMeetingAction}
            personId={person.id}
            meetingId={meeting.id}
            restOfSeries={Math.max(1, rest.length)}
          />
        </section>
      ) : null}
    </>
  );
}
