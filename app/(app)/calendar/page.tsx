import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { MyWeek } from '@/components/calendar/my-week';
import { TeamChooser } from '@/components/calendar/team-chooser';
import { TeamWeek } from '@/components/calendar/team-week';
import { WeekNav } from '@/components/calendar/week-nav';
import { getDb } from '@/db/connection';
import { practitionerWeek, teamWeek } from '@/db/queries/calendar';
import { readableTeams } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { calendarQuery, type CalendarQuery } from '@/lib/calendar/calendar-query';
import { calendarTeamFor } from '@/lib/calendar/calendar-team';
import { mondayOf, weekContaining, type Week } from '@/lib/calendar/week';
import { weekEntries } from '@/lib/calendar/week-entries';
import { weekTitle, zoneNote } from '@/lib/calendar/week-labels';
import { todayIn } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Calendar' };

/**
 * The week calendar: my own week, or my team's (each practitioner's meetings and absences).
 * Reading it is not a read of anyone's record, so it leaves no audit event, like Today.
 */
export default async function CalendarPage({ searchParams }: PageProps<'/calendar'>) {
  const user = await requireUser();
  const query = calendarQuery.parse(await searchParams);
  const db = await getDb();
  const now = new Date();

  if (query.view === 'team') {
    const choice = await calendarTeamFor(db, user, query.team);
    if (choice.status === 'not-found') notFound();
    if (choice.status === 'no-team') {
      const today = todayIn(user.timeZone, now);
      return (
        <CalendarFrame
          title="Team week"
          query={query}
          week={weekContaining(query.week ?? today, user.timeZone)}
          today={today}
        >
          <div className="empty">
            <p>
              You are not on a team yet, so there is no team week to show. Ask your team lead or an administrator to add
              you to your team.
            </p>
          </div>
        </CalendarFrame>
      );
    }
    const { team, choices } = choice;
    const today = todayIn(team.timeZone, now);
    const week = weekContaining(query.week ?? today, team.timeZone);
    const data = await teamWeek(db, team.id, readableTeams(user), week);
    return (
      <CalendarFrame title="Team week" subtitle={team.name} query={query} week={week} today={today}>
        {choices.length > 1 ? <TeamChooser teams={choices} current={team.id} week={query.week} /> : null}
        {data.practitioners.length === 0 ? (
          <div className="empty">
            <p>Nobody is on this team yet. An administrator adds practitioners from their pages.</p>
          </div>
        ) : (
          <TeamWeek
            week={week}
            today={today}
            practitioners={data.practitioners}
            entries={weekEntries(week, data.meetings, data.absences)}
            youId={user.id}
          />
        )}
      </CalendarFrame>
    );
  }

  // My week follows my first team's zone, as Today does.
  const zone = user.memberships[0]?.timeZone ?? user.timeZone;
  const today = todayIn(zone, now);
  const week = weekContaining(query.week ?? today, zone);
  const data = await practitionerWeek(db, user.id, readableTeams(user), week);
  return (
    <CalendarFrame title="My week" query={query} week={week} today={today}>
      <MyWeek week={week} today={today} userId={user.id} entries={weekEntries(week, data.meetings, data.absences)} />
    </CalendarFrame>
  );
}

function CalendarFrame(props: {
  title: string;
  subtitle?: string;
  query: CalendarQuery;
  week: Week;
  today: string;
  children: ReactNode;
}) {
  const { title, subtitle, query, week, today, children } = props;
  return (
    <div className="calendar">
      <div className="page-head">
        <h1>{title}</h1>
        <p>
          {subtitle ? `${subtitle} · ` : null}
          {weekTitle(week)}
        </p>
      </div>
      <WeekNav query={query} week={week} isThisWeek={week.monday === mondayOf(today)} />
      <p className="muted cal-zone">{zoneNote(week)}</p>
      {children}
    </div>
  );
}
