'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';
import { coreRoleLabel, options } from '@/lib/people/labels';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function AssignForm({
  action,
  personId,
  practitioners,
  today,
}: {
  action: Action;
  personId: string;
  practitioners: { id: string; label: string }[];
  today: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <div className="form-grid">
        <SelectField
          name="userId"
          label="Practitioner"
          state={state}
          required
          placeholder="Choose"
          options={practitioners.map((p) => ({ value: p.id, label: p.label }))}
        />
        <SelectField
          name="role"
          label="Role"
          state={state}
          required
          placeholder="Choose"
          options={options(coreRoleLabel)}
        />
        <TextField name="startsOn" label="From" type="date" state={state} stored={today} required />
        <TextField name="endsOn" label="Until" type="date" state={state} hint="Leave blank while they stay" />
      </div>
      <div className="form-actions">
        <SubmitButton>Add to the core team</SubmitButton>
      </div>
    </form>
  );
}

export function EndAssignmentForm({
  action,
  personId,
  assignmentId,
  name,
  today,
}: {
  action: Action;
  personId: string;
  assignmentId: string;
  name: string;
  today: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  const field = `endsOn-${assignmentId}`;
  return (
    <form action={formAction} className="end-assignment" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <label htmlFor={field}>Last day for {name}</label>
      <input
        id={field}
        name="endsOn"
        type="date"
        defaultValue={state.values?.endsOn ?? today}
        aria-invalid={state.fieldErrors?.endsOn ? true : undefined}
        aria-describedby={state.fieldErrors?.endsOn ? `${field}-error` : undefined}
      />
      {state.fieldErrors?.endsOn ? (
        <p className="field-error" id={`${field}-error`}>
          {state.fieldErrors.endsOn[0]}
        </p>
      ) : null}
      <SubmitButton quiet>End</SubmitButton>
    </form>
  );
}
