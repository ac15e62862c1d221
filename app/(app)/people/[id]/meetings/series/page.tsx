import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { SeriesForm, type CheckedOccurrence } from '@/components/scheduling/series-form';
import { teamPractitioners } from '@/db/queries/core-team';
import { inviteOptions } from '@/db/queries/invitations';
import { loadCalendars, teamSchedulingSettings } from '@/db/queries/scheduling';
import { inviteeOptions } from '@/lib/invitations/options';
import { meetingKindLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { MAX_SERIES_MEETINGS, readSlotSearch, travelMinutesFor } from '@/lib/scheduling/booking-input';
import { checkOccurrences, occurrenceStarts } from '@/lib/scheduling/series';
import { dayHeading, timeOfDay, timeRange } from '@/lib/time/format';
import { bookSeriesAction } from '../actions';
import { DAY_MS, MINUTE_MS } from '@/lib/time/units';
import { earliestStart } from '@/lib/scheduling/rules';

export const metadata: Metadata = { title: 'Check a series' };

const extra = z.object({
  start: z.iso.datetime({ offset: true }).catch(''),
  locationDetail: z.string().max(300).catch(''),
  videoUrl: z.string().max(500).catch(''),
});

/** Every occurrence of a series checked before anything is saved, with alternatives for clashes. */
export default async function SeriesPage({ params, searchParams }: PageProps<'/people/[id]/meetings/series'>) {
  const { id } = await params;
  const raw = await searchParams;
  const { db, person } = await openPersonRecord(id, 'book-series');
  const { search, fieldErrors } = readSlotSearch(raw);
  const { start, locationDetail, videoUrl } = extra.parse(raw);
  const back = `/people/${person.id}/meetings/new`;
  const searchAgain = new URLSearchParams({
    kind: search.kind,
    duration: String(search.duration),
    location: search.location,
    required: search.required.join(','),
    optional: search.optional.join(','),
    repeat: search.repeat,
    count: String(search.count),
  });
  if (!start || search.repeat === 'none' || search.required.length === 0) redirect(back);
  // More meetings than a series may have: back to the search, which says so beside the count.
  if (fieldErrors.count) redirect(`${back}?${searchAgain}`);
  const [settings, staff] = await Promise.all([
    teamSchedulingSettings(db, person.teamId),
    teamPractitioners(db, person.teamId),
  ]);
  const zone = settings?.timeZone ?? person.teamTimeZone;
  const travelMinutes = travelMinutesFor(search.location, settings?.travelBufferMinutes ?? 0);
  const starts = occurrenceStarts(Date.parse(start), search.repeat, Math.min(search.count, MAX_SERIES_MEETINGS), zone);
  const duration = search.duration * MINUTE_MS;
  const span = { start: starts[0]! - DAY_MS, end: starts[starts.length - 1]! + duration + DAY_MS };
  const calendars = await loadCalendars(db, {
    teamId: person.teamId,
    userIds: [...search.required, ...search.optional],
    window: span,
    coreUserIds: [],
  });
  const now = new Date();
  const checks = checkOccurrences({
    starts,
    durationMinutes: search.duration,
    travelMinutes,
    required: calendars.filter((c) => search.required.includes(c.id)),
    optional: calendars.filter((c) => search.optional.includes(c.id)),
    zone,
    earliestStart: earliestStart(search.kind, settings?.minimumNoticeHours ?? 0, now.getTime()),
  });
  const label = (ms: number) =>
    `${dayHeading(new Date(ms), now, zone)}, ${timeRange(new Date(ms), new Date(ms + duration), zone)}`;
  const occurrences: CheckedOccurrence[] = checks.map((c) => ({
    start: new Date(c.start).toISOString(),
    label: label(c.start),
    problems: c.problems,
    alternatives: c.alternatives.map((a) => ({
      start: new Date(a.start).toISOString(),
      label: timeOfDay(new Date(a.start), zone),
    })),
  }));
  const names = staff.filter((s) => search.required.includes(s.id)).map((s) => s.name);
  const name = personDisplayName(person);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> ›{' '}
        <Link href={`${back}?${searchAgain}`}>Book a meeting</Link> › Check the series
      </nav>
      <h1>
        {search.repeat === 'daily' ? 'Daily' : 'Weekly'} {meetingKindLabel[search.kind].toLowerCase()}s with{' '}
        {person.givenName}
      </h1>
      <p className="lede">
        {search.count} meetings of {search.duration} minutes with {names.join(', ')}. Times in {zone}. Nothing is booked
        until you confirm.
      </p>
      <div className="card">
        <SeriesForm
          action={bookSeriesAction}
          location={search.location}
          detail={locationDetail}
          videoUrl={videoUrl}
          occurrences={occurrences}
          invitees={inviteeOptions(await inviteOptions(db, person.id))}
          hidden={{
            personId: person.id,
            kind: search.kind,
            duration: String(search.duration),
            location: search.location,
            required: search.required.join(','),
            optional: search.optional.join(','),
            repeat: search.repeat,
          }}
        />
      </div>
    </>
  );
}
