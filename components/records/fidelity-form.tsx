'use client';

import { useActionState } from 'react';
import { FormMessage, TextAreaField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormAction, type FormState } from '@/lib/actions/form-state';
import { fidelityScoreOptions, noteField, scoreField, type FidelityFormScore } from '@/lib/records/fidelity';
import type { FidelityElement } from '@/db/schema/records';

export type FidelityFormElement = {
  element: FidelityElement;
  label: string;
  /** What to show chosen: the rater's saved score, else a suggestion, else nothing. */
  score: FidelityFormScore | null;
  note: string;
  /** The score shown is a suggestion from attendance and the record, not yet saved. */
  suggested: boolean;
};

type Props = { action: FormAction; personId: string; meetingId: string; elements: FidelityFormElement[] };

/** The 12 elements, each a score from 0 to 3 or not applicable, with an optional note. */
export function FidelityForm({ action, personId, meetingId, elements }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      {elements.map((e, n) => (
        <ElementField key={e.element} number={n + 1} element={e} state={state} />
      ))}
      <div className="form-actions">
        <SubmitButton pendingText="Saving…">Save my ratings</SubmitButton>
      </div>
    </form>
  );
}

function ElementField({ number, element, state }: { number: number; element: FidelityFormElement; state: FormState }) {
  const name = scoreField(element.element);
  const error = state.fieldErrors?.[name]?.[0];
  const chosen = shown(state, name, element.score);
  const describedBy =
    [element.suggested ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    // Remounted when the choice to show changes, so React's reset after an action returns to it.
    <fieldset key={chosen} className="field" aria-describedby={describedBy}>
      <legend>
        {number}. {element.label}
      </legend>
      {element.suggested ? (
        <p className="field-hint" id={`${name}-hint`}>
          Suggested from attendance and the record
        </p>
      ) : null}
      <div className="weekdays">
        {fidelityScoreOptions.map((o) => (
          <label key={o.value} className="day-choice">
            <input type="radio" name={name} value={o.value} defaultChecked={chosen === o.value} /> {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <TextAreaField name={noteField(element.element)} label="Note" state={state} stored={element.note} rows={2} />
    </fieldset>
  );
}
