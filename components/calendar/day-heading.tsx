import { dayName, shortDayName } from '@/lib/calendar/week-labels';

/** A day's heading: short in the laptop grid, in full when days are stacked on a phone. */
export function DayHeading({ dayKey, isToday, empty }: { dayKey: string; isToday: boolean; empty: boolean }) {
  return (
    <div className="cal-day-head">
      <h2 id={`day-${dayKey}`}>
        <span className="cal-day-short">{shortDayName(dayKey)}</span>
        <span className="cal-day-long">{dayName(dayKey)}</span>
        {isToday ? <span className="cal-today-tag">Today</span> : null}
      </h2>
      {empty ? <p className="cal-day-empty">Nothing booked</p> : null}
    </div>
  );
}
