'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage, SelectField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { absenceReasonNames, optionsOf } from '@/lib/admin/labels';
import type { FormAction } from '@/lib/actions/form-state';

/** Recording whole days away in the practitioner's own zone. */
export function AbsenceForm({ action, userId, zoneLabel }: { action: FormAction; userId: string; zoneLabel: string }) {
  const [state, formAction] = useActionState(action, idle);
  const away = state.status === 'success' && state.links?.length ? state.links : undefined;
  return (
    <form action={formAction} className="form" noValidate>
      {away ? (
        // Saved, but the practitioner is in meetings already booked then: each with its link.
        <div className="alert alert-warning" role="status">
          {state.message}
          <ul className="warning-list">
            {away.map((m) => (
              <li key={m.href}>
                <Link href={m.href}>{m.text}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        name="reason"
        label="Reason"
        state={state}
        options={optionsOf(absenceReasonNames)}
        placeholder="Choose…"
        required
      />
      <div className="form-grid">
        <TextField name="firstDay" label="First day away" type="date" state={state} required />
        <TextField
          name="lastDay"
          label="Last day away"
          hint="The same as the first day for a single day."
          type="date"
          state={state}
          required
        />
      </div>
      <TextField name="note" label="Note" hint="Kept with the absence; seen by administrators only." state={state} />
      <p className="field-hint">Whole days, from midnight to midnight in {zoneLabel}.</p>
      <div className="form-actions">
        <SubmitButton>Add absence</SubmitButton>
      </div>
    </form>
  );
}
