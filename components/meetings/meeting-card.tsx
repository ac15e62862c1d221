import Link from 'next/link';
import type { UpcomingMeeting } from '@/db/queries/meetings';
import { disciplineLabel, meetingKindLabel, personDisplayName, placeDescription } from '@/lib/meetings/labels';
import { timeOfDay, timeRange, zoneAbbreviation } from '@/lib/time/format';
import { whoIsAway } from '@/lib/working-time/away-from-meetings';

export function MeetingCard({ meeting }: { meeting: UpcomingMeeting }) {
  const name = personDisplayName(meeting.person);
  return (
    <li className="meeting">
      <div className="meeting-time">
        {timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}
        <small>{zoneAbbreviation(meeting.startsAt, meeting.timeZone)}</small>
      </div>
      <div className="meeting-body">
        <h3>
          {name}
          {meeting.person.pronouns ? <span className="meeting-meta"> ({meeting.person.pronouns})</span> : null}
          <span className={meeting.kind === 'crisis' ? 'badge badge-crisis' : 'badge'}>
            {meetingKindLabel[meeting.kind]}
          </span>
        </h3>
        <dl className="meeting-meta">
          <dt>Place</dt>
          <dd>
            {placeDescription(meeting.locationKind, meeting.locationDetail)}
            {meeting.videoUrl ? (
              <>
                {' · '}
                <a href={meeting.videoUrl}>Join the video call</a>
              </>
            ) : null}
          </dd>
          <dt>Also from the team</dt>
          <dd>
            {meeting.colleagues.length === 0
              ? 'Only you from the team so far'
              : `With ${meeting.colleagues.map((c) => `${c.name} (${disciplineLabel[c.discipline]})`).join(', ')}`}
          </dd>
        </dl>
        {meeting.away.length > 0 ? (
          <p className="alert alert-warning">
            {whoIsAway(meeting.away)} —{' '}
            <Link href={`/people/${meeting.personId}/meetings/${meeting.id}`}>
              move or change the team
              <span className="visually-hidden">
                {' '}
                for the meeting with {name} at {timeOfDay(meeting.startsAt, meeting.timeZone)}
              </span>
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}
