import type { Metadata } from 'next';
import { addDays } from 'date-fns';
import { MeetingCard } from '@/components/meetings/meeting-card';
import { getDb } from '@/db/connection';
import { meetingsAwaitingAnswers } from '@/db/queries/invitations';
import { upcomingMeetingsForPractitioner, type UpcomingMeeting } from '@/db/queries/meetings';
import { meetingsToRecord } from '@/db/queries/records';
import { personDisplayName } from '@/lib/meetings/labels';
import Link from 'next/link';
import { can, teamIdsOf } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { dayHeading, localDayKey, longDate, timeOfDay } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Today' };

const DAYS_AHEAD = 14;

export default async function TodayPage() {
  const user = await requireUser();
  const now = new Date();
  // Meetings are shown in their team's zone; the page's day headings follow the first team's.
  const zone = user.memberships[0]?.timeZone ?? user.timeZone;
  const db = await getDb();
  const scope = {
    userId: user.id,
    teamIds: teamIdsOf(user).filter((teamId) => can(user, 'read', { kind: 'meeting', teamId })),
  };
  const window = { from: now, until: addDays(now, DAYS_AHEAD) };
  const [meetings, waiting, toRecord] = await Promise.all([
    upcomingMeetingsForPractitioner(db, scope, window),
    meetingsAwaitingAnswers(db, scope, window),
    meetingsToRecord(db, user.id, scope.teamIds, now),
  ]);
  const days = new Map<string, UpcomingMeeting[]>();
  for (const meeting of meetings) {
    const key = localDayKey(meeting.startsAt, meeting.timeZone);
    days.set(key, [...(days.get(key) ?? []), meeting]);
  }
  const firstName = user.name.split(' ')[0];

  return (
    <>
      <div className="page-head">
        <h1>Today</h1>
        <p>{longDate(now, zone)}</p>
      </div>
      <p>
        Hello {firstName}.{' '}
        {meetings.length === 0
          ? 'You have no network meetings'
          : `You have ${meetings.length} network ${meetings.length === 1 ? 'meeting' : 'meetings'}`}{' '}
        in the next {DAYS_AHEAD} days.
      </p>
      {toRecord.length > 0 ? (
        <section className="card" aria-labelledby="record-heading">
          <h2 id="record-heading">To record</h2>
          <ul className="plain-list">
            {toRecord.map((m) => {
              const path = `/people/${m.personId}/meetings/${m.id}`;
              return (
                <li key={m.id}>
                  {personDisplayName(m)}, {dayHeading(m.startsAt, now, m.timeZone)} at{' '}
                  {timeOfDay(m.startsAt, m.timeZone)}:{' '}
                  {m.status === 'scheduled' ? (
                    <Link href={`${path}/attendance`}>mark it held and record who came</Link>
                  ) : (
                    <Link href={`${path}/record`}>
                      {m.hasDraft ? 'finish and sign the record' : 'write the record'}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {waiting.length > 0 ? (
        <section className="card" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">Waiting for answers</h2>
          <ul className="plain-list">
            {waiting.map((w) => (
              <li key={w.meetingId}>
                <a href={`/people/${w.personId}/meetings/${w.meetingId}`}>{w.personName}</a>,{' '}
                {dayHeading(w.startsAt, now, w.timeZone)} at {timeOfDay(w.startsAt, w.timeZone)}:{' '}
                {w.waiting === 1 ? 'one invitee has' : `${w.waiting} invitees have`} not answered
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {user.memberships.length === 0 ? (
        <div className="empty">
          <p>
            You are not on a team yet, so there are no meetings to show. Ask your team lead or an administrator to add
            you to your team.
          </p>
        </div>
      ) : meetings.length === 0 ? (
        <div className="empty">
          <p>Nothing booked for you in the next {DAYS_AHEAD} days.</p>
        </div>
      ) : (
        [...days.entries()].map(([key, list]) => (
          <section className="day" key={key} aria-labelledby={`day-${key}`}>
            <h2 id={`day-${key}`}>{dayHeading(list[0]!.startsAt, now, list[0]!.timeZone)}</h2>
            <ul className="meetings">
              {list.map((meeting) => (
                <MeetingCard key={meeting.id} meeting={meeting} />
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
