import { idle } from '@/lib/actions/form-state';
import type { SlotDay } from './booking-form';
import { PlaceField } from './place-field';

type Props = {
  action: string;
  hidden: Record<string, string>;
  location: string;
  defaultDetail: string;
  days: SlotDay[];
  summary: string;
};

/**
 * The first step of a series: choose the first time, then every occurrence is checked on the
 * next page before anything is saved. A plain GET form, so the check can be reloaded and shared.
 */
export function SeriesStartForm({ action, hidden, location, defaultDetail, days, summary }: Props) {
  return (
    <form action={action} method="get" className="form booking">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend>First meeting of the series: free times, best first</legend>
        <p className="field-hint">{summary}.</p>
        {days.map((d) => (
          <div key={d.day} className="slot-day">
            <h2>{d.day}</h2>
            <div className="slot-list">
              {d.slots.map((s, i) => (
                <label key={s.start} className="slot">
                  <input type="radio" name="start" value={s.start} defaultChecked={i === 0 && d === days[0]} required />
                  <span className="slot-time">{s.label}</span>
                  {s.notes.length ? <span className="slot-notes">{s.notes.join(' · ')}</span> : null}
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <PlaceField location={location} state={idle} detail={defaultDetail} />
      <div className="form-actions">
        <button className="button" type="submit">
          Check every meeting
        </button>
      </div>
    </form>
  );
}
