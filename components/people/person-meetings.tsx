import { meetingKindLabel, placeDescription } from '@/lib/meetings/labels';
import { longDate, timeRange } from '@/lib/time/format';

type MeetingRow = {
  id: string;
  kind: keyof typeof meetingKindLabel;
  status: 'scheduled' | 'held' | 'did_not_happen' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  locationKind: 'home' | 'community' | 'clinic' | 'video' | 'phone';
  locationDetail: string | null;
  practitioners: string[];
};

const statusText = {
  scheduled: 'Booked',
  held: 'Held',
  did_not_happen: 'Did not happen',
  cancelled: 'Cancelled',
} as const;

/**
 * `tableLabel` names the table's scrolling box, which a keyboard can scroll on a phone; it must
 * differ from `title`, which already names the section.
 */
export function PersonMeetings({
  personId,
  title,
  tableLabel,
  meetings,
  empty,
}: {
  personId: string;
  title: string;
  tableLabel: string;
  meetings: MeetingRow[];
  empty: string;
}) {
  const headingId = `meetings-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {meetings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={tableLabel} tabIndex={0}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Meeting</th>
                <th scope="col">Place</th>
                <th scope="col">Practitioners</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <td>
                    <a href={`/people/${personId}/meetings/${m.id}`}>{longDate(m.startsAt, m.timeZone)}</a>
                    <br />
                    <span className="muted">{timeRange(m.startsAt, m.endsAt, m.timeZone)}</span>
                  </td>
                  <td>
                    {meetingKindLabel[m.kind]}
                    {m.status !== 'scheduled' ? <span className="muted"> · {statusText[m.status]}</span> : null}
                  </td>
                  <td>{placeDescription(m.locationKind, m.locationDetail)}</td>
                  <td>{m.practitioners.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
