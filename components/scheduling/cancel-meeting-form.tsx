'use client';

import { useActionState } from 'react';
import { FormMessage, TextAreaField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormState } from '@/lib/actions/form-state';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personId: string;
  meetingId: string;
  /** How many booked meetings of its series are from this one on (1 when it is not in a series). */
  restOfSeries: number;
};

export function CancelMeetingForm({ action, personId, meetingId, restOfSeries }: Props) {
  const [state, formAction] = useActionState(action, idle);
  const scope = shown(state, 'scope', 'one');
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      {restOfSeries > 1 ? (
        <fieldset className="field">
          <legend>Which meetings</legend>
          <label className="day-choice">
            <input type="radio" name="scope" value="one" defaultChecked={scope === 'one'} /> Only this one
          </label>
          <label className="day-choice">
            <input type="radio" name="scope" value="rest" defaultChecked={scope === 'rest'} /> This one and the rest of
            the series ({restOfSeries} meetings)
          </label>
        </fieldset>
      ) : null}
      <TextAreaField
        name="reason"
        label="Why it is cancelled"
        state={state}
        required
        rows={2}
        hint="Kept with the meeting, for the team"
      />
      <div className="form-actions">
        <SubmitButton quiet pendingText="Cancelling…">
          {restOfSeries > 1 ? 'Cancel' : 'Cancel this meeting'}
        </SubmitButton>
      </div>
    </form>
  );
}
