import type { CSSProperties } from 'react';
import type { CalendarPractitioner } from '@/db/queries/calendar';
import type { Week } from '@/lib/calendar/week';
import type { WeekEntries } from '@/lib/calendar/week-entries';
import { CalendarEntry } from './calendar-entry';
import { DayHeading } from './day-heading';

/**
 * The team's week. In the page it is day after day, each with every practitioner's entries, so
 * a phone reads it as a list per day; on a laptop the CSS lays the days out as seven columns
 * with a row per practitioner (subgrid keeps each practitioner's row level across the days).
 */
export function TeamWeek(props: {
  week: Week;
  today: string;
  practitioners: CalendarPractitioner[];
  entries: WeekEntries;
  youId: string;
}) {
  const { week, today, practitioners, entries, youId } = props;
  const name = (p: CalendarPractitioner) => (p.id === youId ? `${p.name} (you)` : p.name);
  return (
    <div className="team-week" style={{ '--cal-rows': practitioners.length } as CSSProperties}>
      {/* The row labels of the laptop grid; each day also names its practitioners for screen readers and phones. */}
      <div className="team-week-names" aria-hidden="true">
        <span className="team-week-corner" />
        {practitioners.map((p) => (
          <span className="team-week-name" key={p.id}>
            {name(p)}
          </span>
        ))}
      </div>
      {week.days.map((day) => {
        const isToday = day.key === today;
        return (
          <section
            key={day.key}
            className={isToday ? 'team-week-day cal-today' : 'team-week-day'}
            aria-labelledby={`day-${day.key}`}
            aria-current={isToday ? 'date' : undefined}
          >
            <DayHeading dayKey={day.key} isToday={isToday} empty={!entries.anyOn(day.key)} />
            {practitioners.map((p) => {
              const list = entries.on(p.id, day.key);
              return (
                <div className={list.length > 0 ? 'team-week-cell' : 'team-week-cell cal-free'} key={p.id}>
                  <h3 className="team-week-who">{name(p)}</h3>
                  {list.length > 0 ? (
                    <ul className="cal-entries">
                      {list.map((entry) => (
                        <CalendarEntry
                          key={entry.type === 'absence' ? entry.id : entry.meeting.id}
                          entry={entry}
                          zone={week.zone}
                        />
                      ))}
                    </ul>
                  ) : (
                    <p className="cal-none">
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">Nothing booked</span>
                    </p>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
