import type { Week } from '@/lib/calendar/week';
import type { WeekEntries } from '@/lib/calendar/week-entries';
import { CalendarEntry } from './calendar-entry';
import { DayHeading } from './day-heading';

/** My week, day by day: seven columns on a laptop, one list per day on a phone. */
export function MyWeek({
  week,
  today,
  userId,
  entries,
}: {
  week: Week;
  today: string;
  userId: string;
  entries: WeekEntries;
}) {
  return (
    <div className="my-week">
      {week.days.map((day) => {
        const isToday = day.key === today;
        const list = entries.on(userId, day.key);
        return (
          <section
            key={day.key}
            className={isToday ? 'my-week-day cal-today' : 'my-week-day'}
            aria-labelledby={`day-${day.key}`}
            aria-current={isToday ? 'date' : undefined}
          >
            <DayHeading dayKey={day.key} isToday={isToday} empty={list.length === 0} />
            {list.length > 0 ? (
              <ul className="cal-entries">
                {list.map((entry) => (
                  <CalendarEntry
                    key={entry.type === 'absence' ? entry.id : entry.meeting.id}
                    entry={entry}
                    zone={week.zone}
                    showKind
                  />
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
