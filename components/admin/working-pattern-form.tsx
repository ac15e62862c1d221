'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormState } from '@/lib/actions/form-state';
import type { FormAction } from '@/lib/actions/form-state';
import {
  clockValue,
  MAX_WINDOWS_PER_DAY,
  weekdays,
  windowFieldName,
  type WorkingWindow,
} from '@/lib/working-time/weekly-pattern';

/** How many rows each day shows: its saved windows, at least one. */
function savedCounts(windows: WorkingWindow[]): Record<number, number> {
  return Object.fromEntries(
    weekdays.map(({ iso }) => [iso, Math.max(1, windows.filter((w) => w.weekday === iso).length)]),
  );
}

function storedValue(windows: WorkingWindow[], weekday: number, index: number, edge: 'start' | 'end'): string {
  const day = windows.filter((w) => w.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
  const window = day[index];
  if (!window) return '';
  return clockValue(edge === 'start' ? window.startMinute : window.endMinute);
}

function TimeInput({ name, label, state, stored }: { name: string; label: string; state: FormState; stored: string }) {
  const error = state.fieldErrors?.[name]?.[0];
  return (
    <div className="field time-field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="time"
        step={300}
        defaultValue={shown(state, name, stored)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The weekly working pattern: for each day, one or more times from–until in the practitioner's
 * own zone. Leaving a day blank means they do not work then.
 */
export function WorkingPatternForm({
  action,
  userId,
  windows,
  zoneLabel,
}: {
  action: FormAction;
  userId: string;
  windows: WorkingWindow[];
  zoneLabel: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  // Rows asked for on this page; a day never shows fewer rows than it has saved windows.
  const [requested, setRequested] = useState<Record<number, number>>({});
  const saved = savedCounts(windows);
  const rowsOf = (weekday: number) =>
    Math.min(MAX_WINDOWS_PER_DAY, Math.max(saved[weekday] ?? 1, requested[weekday] ?? 0));

  return (
    <form action={formAction} className="form week-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <p className="field-hint">
        Times are in <strong>{zoneLabel}</strong>. Leave a day empty if they do not work that day; clear both times to
        remove one. For work until midnight, enter 00:00 as the end.
      </p>
      {weekdays.map(({ iso, name }) => {
        const count = rowsOf(iso);
        return (
          <fieldset key={iso} className="week-day">
            <legend>{name}</legend>
            {Array.from({ length: count }, (_, index) => (
              <div className="time-row" key={index}>
                <TimeInput
                  name={windowFieldName(iso, index, 'start')}
                  label={index === 0 ? `${name} from` : `${name} from (${index + 1})`}
                  state={state}
                  stored={storedValue(windows, iso, index, 'start')}
                />
                <TimeInput
                  name={windowFieldName(iso, index, 'end')}
                  label={index === 0 ? `${name} until` : `${name} until (${index + 1})`}
                  state={state}
                  stored={storedValue(windows, iso, index, 'end')}
                />
              </div>
            ))}
            {count < MAX_WINDOWS_PER_DAY ? (
              <button
                type="button"
                className="link-button"
                onClick={() => setRequested((r) => ({ ...r, [iso]: count + 1 }))}
              >
                Add another time on {name}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <div className="form-actions">
        <SubmitButton>Save working pattern</SubmitButton>
      </div>
    </form>
  );
}
