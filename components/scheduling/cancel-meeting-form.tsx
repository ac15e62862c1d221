'use client';

import { useActionState } from 'react';
import { FormMessage, TextAreaField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; personId: string; meetingId: string };

export function CancelMeetingForm({ action, personId, meetingId }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextAreaField name="reason" label="Why it is cancelled" state={state} required rows={2} hint="Kept with the meeting, for the team" />
      <div className="form-actions">
        <SubmitButton quiet pendingText="Cancelling…">
          Cancel this meeting
        </SubmitButton>
      </div>
    </form>
  );
}
