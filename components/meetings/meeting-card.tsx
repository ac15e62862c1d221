import type { UpcomingMeeting } from '@/db/queries/meetings';
import { disciplineLabel, meetingKindLabel, personDisplayName, placeDescription } from '@/lib/meetings/labels';
import { timeRange, zoneAbbreviation } from '@/lib/time/format';

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
          <span className={meeting.kind === 'crisis' ? 'badge badge-crisis' : 'badge'}>{meetingKindLabel[meeting.kind]}</span>
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
      </div>
    </li>
  );
}
