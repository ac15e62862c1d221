'use client';

import { useActionState } from 'react';
import { CheckboxField, FormMessage, HiddenFields, SelectField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormAction } from '@/lib/actions/form-state';
import type { RecordSection } from '@/db/schema/records';
import { recordSections, sectionLabel } from '@/lib/records/content';

/** The person's choice of what network members who came, and whom they allow, may read. */
export function SharingForm({
  action,
  fields,
  shared,
}: {
  action: FormAction;
  fields: Record<string, string>;
  shared: RecordSection[];
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <HiddenFields fields={fields} />
      <fieldset className="field">
        <legend>What the person shares with network members who came</legend>
        {recordSections.map((s) => (
          <CheckboxField
            key={s}
            name={`share.${s}`}
            label={sectionLabel[s]}
            state={state}
            stored={shared.includes(s)}
          />
        ))}
      </fieldset>
      <div className="form-actions">
        <SubmitButton quiet pendingText="Saving…">
          Save the person’s choice
        </SubmitButton>
      </div>
    </form>
  );
}

/** Keeping the record, or a section, from the person: only with a reason from the list and a review date. */
export function WithholdForm({
  action,
  fields,
  reasons,
}: {
  action: FormAction;
  fields: Record<string, string>;
  reasons: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <HiddenFields fields={fields} />
      <SelectField
        name="section"
        label="What to withhold"
        state={state}
        stored="all"
        options={[
          { value: 'all', label: 'The whole record' },
          ...recordSections.map((s) => ({ value: s, label: sectionLabel[s] })),
        ]}
        required
      />
      <SelectField
        name="withholdReason"
        label="Why"
        state={state}
        placeholder="Choose a reason…"
        options={reasons}
        required
      />
      <TextField type="date" name="reviewOn" label="Review it by" state={state} required />
      <div className="form-actions">
        <SubmitButton quiet pendingText="Saving…">
          Withhold from the person
        </SubmitButton>
      </div>
    </form>
  );
}
