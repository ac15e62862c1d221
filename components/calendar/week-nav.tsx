import Link from 'next/link';
import { calendarHref, type CalendarQuery } from '@/lib/calendar/calendar-query';
import type { Week } from '@/lib/calendar/week';

/** Whose week (mine or the team's) and which week: plain links, so it works without JavaScript. */
export function WeekNav({ query, week, isThisWeek }: { query: CalendarQuery; week: Week; isThisWeek: boolean }) {
  // The week travels with the view, so switching between "me" and "team" stays on the same week.
  const sameWeek = isThisWeek ? undefined : week.monday;
  return (
    <div className="cal-nav">
      <nav aria-label="Whose week">
        <ul className="cal-switch">
          <li>
            <Link
              href={calendarHref(query, { view: 'me', week: sameWeek })}
              aria-current={query.view === 'me' ? 'page' : undefined}
            >
              My week
            </Link>
          </li>
          <li>
            <Link
              href={calendarHref(query, { view: 'team', week: sameWeek })}
              aria-current={query.view === 'team' ? 'page' : undefined}
            >
              Team week
            </Link>
          </li>
        </ul>
      </nav>
      <nav aria-label="Weeks">
        <ul className="cal-weeks">
          <li>
            <Link href={calendarHref(query, { week: week.previous })} rel="prev">
              <span aria-hidden="true">←</span>Previous week
            </Link>
          </li>
          <li>
            <Link href={calendarHref(query, { week: undefined })} aria-current={isThisWeek ? 'page' : undefined}>
              This week
            </Link>
          </li>
          <li>
            <Link href={calendarHref(query, { week: week.next })} rel="next">
              Next week<span aria-hidden="true">→</span>
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
