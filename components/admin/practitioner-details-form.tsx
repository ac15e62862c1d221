'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { disciplineNames, optionsOf, roleNames } from '@/lib/admin/labels';
import type { FormAction } from '@/lib/actions/form-state';

type Details = { id: string; name: string; email: string; discipline: string; role: string; timeZone: string };

/** A practitioner's name, email, discipline, role and time zone. */
export function PractitionerDetailsForm({
  action,
  practitioner,
  zones,
}: {
  action: FormAction;
  practitioner: Details;
  zones: string[];
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={practitioner.id} />
      <div className="form-grid">
        <TextField name="name" label="Full name" state={state} stored={practitioner.name} required autoComplete="off" />
        <TextField
          name="email"
          label="Email address"
          type="email"
          state={state}
          stored={practitioner.email}
          required
          autoComplete="off"
        />
        <SelectField
          name="discipline"
          label="Discipline"
          state={state}
          stored={practitioner.discipline}
          options={optionsOf(disciplineNames)}
          required
        />
        <SelectField
          name="role"
          label="Role"
          state={state}
          stored={practitioner.role}
          options={optionsOf(roleNames)}
          required
        />
      </div>
      <SelectField
        name="timeZone"
        label="Their time zone"
        hint="Their working pattern and absences are kept in this zone."
        state={state}
        stored={practitioner.timeZone}
        options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        required
      />
      <div className="form-actions">
        <SubmitButton>Save details</SubmitButton>
      </div>
    </form>
  );
}
