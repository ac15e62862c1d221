import type { Metadata } from 'next';
import Link from 'next/link';
import { practitionerCame } from '@/db/queries/records';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { FidelityForm, type FidelityFormElement } from '@/components/records/fidelity-form';
import { latestReflectionsHeld, meetingToRate, ratingsBy, whoCameCounts } from '@/db/queries/fidelity';
import { meetingKindLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { fidelityElementLabel, fidelityElementOrder, prefill, scoreToForm } from '@/lib/records/fidelity';
import { longDate, timeRange } from '@/lib/time/format';
import { rateFidelityAction } from './actions';

export const metadata: Metadata = { title: 'Fidelity self-rating' };

export default async function FidelityPage({ params }: PageProps<'/people/[id]/meetings/[meetingId]/fidelity'>) {
  const { id, meetingId } = await params;
  const { user, db, person } = await openPersonRecord(id, 'fidelity');
  if (!z.guid().safeParse(meetingId).success) notFound();
  const meeting = await meetingToRate(db, person, meetingId);
  if (!meeting) notFound();
  const back = `/people/${person.id}/meetings/${meeting.id}`;
  const heading = (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{personDisplayName(person)}</Link> ›{' '}
        <Link href={back}>{meetingKindLabel[meeting.kind]}</Link> › Fidelity self-rating
      </nav>
      <h1>Fidelity self-rating</h1>
      <p className="muted">
        {longDate(meeting.startsAt, meeting.timeZone)}, {timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}
      </p>
      <p>
        This is a reflective self-rating: how far, as you saw it, each of the 12 key elements of dialogic practice was
        part of this meeting. Each practitioner who came rates the meeting for themselves, and can change their ratings
        later. The team sees its own trends over the months, never a ranking or comparison of individuals.
      </p>
    </>
  );
  if (meeting.status !== 'held') {
    return (
      <>
        {heading}
        <p>
          A meeting is rated once it is marked held, with who came.{' '}
          <Link href={`${back}/attendance`}>Record who came</Link> or <Link href={back}>go back to the meeting</Link>.
        </p>
      </>
    );
  }
  if (!(await practitionerCame(db, meeting.id, user.id))) {
    return (
      <>
        {heading}
        <p>
          Only practitioners who came to the meeting rate it, and you are not recorded as having come. If you were
          there, <Link href={`${back}/attendance`}>correct who came</Link> first.
        </p>
      </>
    );
  }
  const [saved, came, reflectionsHeld] = await Promise.all([
    ratingsBy(db, meeting.id, user.id),
    whoCameCounts(db, meeting.id),
    latestReflectionsHeld(db, meeting.id),
  ]);
  const own = new Map(saved.map((r) => [r.element, r]));
  const suggestions =
    saved.length > 0
      ? {}
      : prefill({
          practitionersWhoCame: came.practitioners,
          networkMembersWhoCame: came.networkMembers,
          reflectionsHeld,
        });
  const elements: FidelityFormElement[] = fidelityElementOrder.map((element) => {
    const rating = own.get(element);
    const suggestion = suggestions[element];
    return {
      element,
      label: fidelityElementLabel[element],
      score: rating ? scoreToForm(rating.score) : suggestion !== undefined ? scoreToForm(suggestion) : null,
      note: rating?.note ?? '',
      suggested: !rating && suggestion !== undefined,
    };
  });
  return (
    <>
      {heading}
      <p>
        For each element choose 0 (not present), 1 (a little), 2 (mostly) or 3 (fully), or &lsquo;not applicable&rsquo;
        where it could not arise. A note is optional.
      </p>
      <FidelityForm action={rateFidelityAction} personId={person.id} meetingId={meeting.id} elements={elements} />
    </>
  );
}
