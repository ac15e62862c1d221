'use client';

import { useActionState } from 'react';
import { FormMessage, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personId: string;
  status: 'active' | 'discharged';
  nowLocal: string;
  zoneName: string;
  /** Whether meetings are booked still to come: discharging cancels them. */
  hasMeetingsToCome: boolean;
};

/** Discharge an active person, or refer a discharged person again with a new referral time. */
export function StatusForm({ action, personId, status, nowLocal, zoneName, hasMeetingsToCome }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form">
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      {status === 'active' ? (
        <>
          <input type="hidden" name="status" value="discharged" />
          <p className="muted">
            Discharge when the work together has ended. Nothing is deleted.
            {hasMeetingsToCome
              ? ' The meetings booked still to come are cancelled, and everyone invited is told.'
              : null}
          </p>
          <SubmitButton quiet pendingText="Discharging…">
            Discharge
          </SubmitButton>
        </>
      ) : (
        <>
          <input type="hidden" name="status" value="active" />
          <TextField
            name="referralAt"
            label="New referral arrived"
            type="datetime-local"
            state={state}
            stored={nowLocal}
            required
            hint={`In ${zoneName} time`}
          />
          <SubmitButton quiet pendingText="Saving…">
            Refer again
          </SubmitButton>
        </>
      )}
    </form>
  );
}
