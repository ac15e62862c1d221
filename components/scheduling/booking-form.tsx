'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/fields';
import { InviteeChoices, type InviteeOption } from './invitee-choices';
import { PlaceField } from './place-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormState } from '@/lib/actions/form-state';

export type SlotChoice = { start: string; label: string; notes: string[] };
export type SlotDay = { day: string; slots: SlotChoice[] };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  location: string;
  defaultDetail: string;
  defaultVideoUrl?: string;
  days: SlotDay[];
  submitLabel?: string;
  invitees: InviteeOption[];
};

/** The ranked free times as a choice, with where the meeting happens; one button books it. */
export function BookingForm({
  action,
  hidden,
  location,
  defaultDetail,
  defaultVideoUrl = '',
  days,
  submitLabel = 'Book this time',
  invitees,
}: Props) {
  const [state, formAction] = useActionState(action, idle);
  const chosen = state.status === 'error' && state.message?.includes('taken') ? '' : shown(state, 'start', '');
  return (
    <form action={formAction} className="form booking" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset aria-describedby={state.fieldErrors?.start ? 'start-error' : undefined}>
        <legend>Free times, best first</legend>
        {state.fieldErrors?.start ? (
          <p className="field-error" id="start-error">
            {state.fieldErrors.start[0]}
          </p>
        ) : null}
        {days.map((d) => (
          <div key={d.day} className="slot-day">
            <h2>{d.day}</h2>
            <div className="slot-list">
              {d.slots.map((s) => (
                <label key={s.start} className="slot">
                  <input type="radio" name="start" value={s.start} defaultChecked={chosen === s.start} required />
                  <span className="slot-time">{s.label}</span>
                  {s.notes.length ? <span className="slot-notes">{s.notes.join(' · ')}</span> : null}
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <PlaceField location={location} state={state} detail={defaultDetail} videoUrl={defaultVideoUrl} />
      <InviteeChoices options={invitees} state={state} />
      {state.fieldErrors?.required ? <p className="field-error">{state.fieldErrors.required[0]}</p> : null}
      <div className="form-actions">
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
