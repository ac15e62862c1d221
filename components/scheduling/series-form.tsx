'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/fields';
import { PlaceField } from './place-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormState } from '@/lib/actions/form-state';
import { InviteeChoices, type InviteeOption } from './invitee-choices';

export type CheckedOccurrence = {
  start: string;
  label: string;
  problems: string[];
  alternatives: { start: string; label: string }[];
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  location: string;
  detail: string;
  videoUrl: string;
  occurrences: CheckedOccurrence[];
  invitees: InviteeOption[];
};

/**
 * Every occurrence of a series as checked: the free ones listed, each clashing one with who
 * cannot come and why, and a choice of another time that day or leaving it out. Nothing is
 * saved until this form is sent.
 */
export function SeriesForm({ action, hidden, location, detail, videoUrl, occurrences, invitees }: Props) {
  const [state, formAction] = useActionState(action, idle);
  const clashes = occurrences.filter((o) => o.problems.length > 0).length;
  return (
    <form action={formAction} className="form series" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p role="status">
        {clashes === 0
          ? `All ${occurrences.length} meetings are free for everyone who must be there.`
          : `${occurrences.length - clashes} of ${occurrences.length} meetings are free. ${clashes === 1 ? 'One clashes' : `${clashes} clash`}: choose another time that day, or leave it out.`}
      </p>
      {state.fieldErrors?.starts ? <p className="field-error">{state.fieldErrors.starts[0]}</p> : null}
      <ol className="occurrences">
        {occurrences.map((o, i) => {
          const name = `occurrence-${i}`;
          const error = state.fieldErrors?.[name]?.[0];
          if (o.problems.length === 0) {
            return (
              <li key={o.start} className="occurrence">
                <input type="hidden" name={name} value={o.start} />
                <span className="occurrence-time">{o.label}</span> <span className="tag tag-active">free</span>
              </li>
            );
          }
          const chosen = shown(state, name, o.alternatives[0]?.start ?? 'skip');
          return (
            <li key={o.start} className="occurrence occurrence-clash">
              <fieldset aria-describedby={error ? `${name}-error` : undefined}>
                <legend>
                  <span className="occurrence-time">{o.label}</span> <span className="tag tag-disabled">clashes</span>
                </legend>
                <ul className="warning-list">
                  {o.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
                <div className="slot-list">
                  {o.alternatives.map((a) => (
                    <label key={a.start} className="slot">
                      <input type="radio" name={name} value={a.start} defaultChecked={chosen === a.start} />
                      <span className="slot-time">{a.label} instead</span>
                    </label>
                  ))}
                  <label className="slot">
                    <input type="radio" name={name} value="skip" defaultChecked={chosen === 'skip'} />
                    <span className="slot-time">Leave this one out</span>
                  </label>
                </div>
                {o.alternatives.length === 0 ? (
                  <p className="field-hint">No other time that day suits everyone who must be there.</p>
                ) : null}
                {error ? (
                  <p className="field-error" id={`${name}-error`}>
                    {error}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <PlaceField location={location} state={state} detail={detail} videoUrl={videoUrl} />
      <InviteeChoices options={invitees} state={state} />
      {state.fieldErrors?.required ? <p className="field-error">{state.fieldErrors.required[0]}</p> : null}
      <div className="form-actions">
        <SubmitButton pendingText="Booking…">Book the series</SubmitButton>
      </div>
    </form>
  );
}
