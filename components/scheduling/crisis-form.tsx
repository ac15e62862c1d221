'use client';

import { useActionState } from 'react';
import { CheckboxField, FormMessage } from '@/components/ui/fields';
import { PlaceField } from './place-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormState } from '@/lib/actions/form-state';
import { InviteeChoices, type InviteeOption } from './invitee-choices';

export type CrisisChoice = { value: string; day: string; time: string; who: string; notes: string[] };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  location: string;
  defaultDetail: string;
  choices: CrisisChoice[];
  coreTeamLabel: string;
  invitees: InviteeOption[];
};

/** The crisis options as one choice (time and the two who go), the place, and whether they become the core team. */
export function CrisisForm({ action, hidden, location, defaultDetail, choices, coreTeamLabel, invitees }: Props) {
  const [state, formAction] = useActionState(action, idle);
  const chosen = state.status === 'error' && state.message?.includes('taken') ? '' : shown(state, 'option', '');
  return (
    <form action={formAction} className="form booking" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset aria-describedby={state.fieldErrors?.option ? 'option-error' : undefined}>
        <legend>Soonest times two practitioners are free</legend>
        {state.fieldErrors?.option ? (
          <p className="field-error" id="option-error">
            {state.fieldErrors.option[0]}
          </p>
        ) : null}
        <div className="slot-list">
          {choices.map((c) => (
            <label key={c.value} className="slot">
              <input type="radio" name="option" value={c.value} defaultChecked={chosen === c.value} required />
              <span className="slot-time">
                {c.day}, {c.time}
              </span>
              <span className="slot-notes">
                {c.who}
                {c.notes.length ? ` · ${c.notes.join(' · ')}` : ''}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <PlaceField location={location} state={state} detail={defaultDetail} />
      <InviteeChoices options={invitees} state={state} />
      <CheckboxField
        name="makeCoreTeam"
        label={coreTeamLabel}
        state={state}
        stored
        hint="Open Dialogue keeps the same practitioners with a person from the first meeting on."
      />
      <div className="form-actions">
        <SubmitButton pendingText="Booking…">Book the crisis meeting</SubmitButton>
      </div>
    </form>
  );
}
