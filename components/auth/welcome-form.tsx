'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';

/** Choosing a password from a one-time link; afterwards, the way to sign in. */
export function WelcomeForm({
  action,
  token,
  email,
  minLength,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  email: string;
  minLength: number;
}) {
  const [state, formAction] = useActionState(action, idle);
  if (state.status === 'success') {
    return (
      <div>
        <div className="alert alert-success" role="status">
          Your password is saved. Sign in with <strong className="email">{state.data?.email ?? email}</strong> and your
          new password.
        </div>
        <Link className="button" href="/sign-in?callbackUrl=%2Ftoday">
          Sign in
        </Link>
      </div>
    );
  }
  // Passwords are never sent back to the browser: after a problem both fields start empty.
  const cleared: FormState = { ...state, values: undefined };
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="password"
        label="New password"
        hint={`At least ${minLength} characters. A few unrelated words together are strong and easy to remember.`}
        type="password"
        autoComplete="new-password"
        state={cleared}
        required
      />
      <TextField
        name="confirm"
        label="Type it again"
        type="password"
        autoComplete="new-password"
        state={cleared}
        required
      />
      <div className="form-actions">
        <SubmitButton pendingText="Saving…">Save password</SubmitButton>
      </div>
    </form>
  );
}
