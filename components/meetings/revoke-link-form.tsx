'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';

/** Ends one personal link at once (a lost phone, a changed mind). */
export function RevokeLinkForm({
  action,
  personId,
  meetingId,
  invitationId,
  name,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personId: string;
  meetingId: string;
  invitationId: string;
  name: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="inline-form">
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton quiet pendingText="Turning off…">
        {`Turn off ${name}’s link`}
      </SubmitButton>
    </form>
  );
}
