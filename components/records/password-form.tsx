'use client';

import { useActionState } from 'react';
import { FormMessage, HiddenFields, TextAreaField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormAction } from '@/lib/actions/form-state';

/** Signing or co-signing: the signer's password again, and which version they read. */
export function SignForm({
  action,
  fields,
  label,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <HiddenFields fields={fields} />
      <TextField
        type="password"
        name="password"
        label="Your password"
        state={state}
        required
        autoComplete="current-password"
        hint="A signature is yours alone: type the password you sign in with"
      />
      <div className="form-actions">
        <SubmitButton pendingText="Signing…">{label}</SubmitButton>
      </div>
    </form>
  );
}

/** A form with one reason, such as marking a record entered in error. */
export function ReasonForm({
  action,
  fields,
  name,
  label,
  button,
}: {
  action: FormAction;
  fields: Record<string, string>;
  name: string;
  label: string;
  button: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <HiddenFields fields={fields} />
      <TextAreaField name={name} label={label} state={state} required rows={2} />
      <div className="form-actions">
        <SubmitButton quiet pendingText="Saving…">
          {button}
        </SubmitButton>
      </div>
    </form>
  );
}
