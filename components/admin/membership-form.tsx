'use client';

import { useActionState } from 'react';
import { CheckboxField, FormMessage, SelectField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import type { FormAction } from '@/lib/actions/form-state';

/** Adding a practitioner to another team, as a lead or not. */
export function MembershipForm({
  action,
  userId,
  teams,
}: {
  action: FormAction;
  userId: string;
  teams: { id: string; name: string }[];
}) {
  const [state, formAction] = useActionState(action, idle);
  if (teams.length === 0) return <p className="muted">They are on every team already.</p>;
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        name="teamId"
        label="Add to team"
        state={state}
        options={teams.map((t) => ({ value: t.id, label: t.name }))}
        placeholder="Choose a team…"
        required
      />
      <CheckboxField
        name="lead"
        label="Team lead"
        hint="A team may have more than one lead."
        state={state}
        stored={false}
      />
      <div className="form-actions">
        <SubmitButton quiet>Add to team</SubmitButton>
      </div>
    </form>
  );
}
