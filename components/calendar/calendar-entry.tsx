import { absenceLabel } from '@/lib/calendar/week-labels';
import type { WeekEntry } from '@/lib/calendar/week-entries';
import { locationKindLabel, meetingKindLabel, personDisplayName } from '@/lib/meetings/labels';
import { timeOfDay, timeRange } from '@/lib/time/format';

/**
 * One thing on a practitioner's day: an absence, a meeting (time, the person linking to the
 * meeting, the kind of place), or time busy with another team's meeting, shown without details.
 * The link is a plain <a>, as in every long list of the app (caseload, review, Today, a person's
 * meetings): a team's week has hundreds, and next/link makes each a client component that the
 * server renders and serialises, a third of the team week's CPU in the bench's profile.
 */
export function CalendarEntry({
  entry,
  zone,
  showKind = false,
}: {
  entry: WeekEntry;
  zone: string;
  showKind?: boolean;
}) {
  if (entry.type === 'absence') {
    return <li className={`cal-entry cal-absence cal-absence-${entry.reason}`}>{absenceLabel[entry.reason]}</li>;
  }
  const { meeting, continued } = entry;
  // A meeting that began the day before shows when it ends.
  const when = continued
    ? `until ${timeOfDay(meeting.endsAt, zone)}`
    : timeRange(meeting.startsAt, meeting.endsAt, zone);
  const details = meeting.details;
  if (!details) {
    return (
      <li className="cal-entry cal-busy">
        <span className="cal-time">{when}</span>
        <span className="cal-place">Busy with another team</span>
      </li>
    );
  }
  const notes = [
    showKind || details.kind === 'crisis' ? meetingKindLabel[details.kind] : null,
    locationKindLabel[details.locationKind],
    details.status === 'did_not_happen' ? 'did not happen' : null,
  ].filter(Boolean);
  return (
    <li className={details.kind === 'crisis' ? 'cal-entry cal-meeting cal-crisis' : 'cal-entry cal-meeting'}>
      <span className="cal-time">{when}</span>
      <a href={`/people/${details.person.id}/meetings/${meeting.id}`}>{personDisplayName(details.person)}</a>
      <span className="cal-place">{notes.join(' · ')}</span>
    </li>
  );
}
