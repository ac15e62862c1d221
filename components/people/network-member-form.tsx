'use client';

import { useActionState } from 'react';
import { CheckboxField, FormMessage, SelectField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';
import { channelLabel, closenessLabel, kindLabel, options, relationshipLabel } from '@/lib/people/labels';

export type NetworkMemberValues = {
  id?: string;
  givenName?: string;
  familyName?: string | null;
  relationship?: string;
  kind?: string;
  closeness?: string;
  email?: string | null;
  phone?: string | null;
  preferredChannel?: string;
  mayBeInvited?: boolean;
  maySeeSharedRecords?: boolean;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personId: string;
  personName: string;
  member: NetworkMemberValues;
  submitLabel: string;
};

export function NetworkMemberForm({ action, personId, personName, member, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      {member.id ? <input type="hidden" name="memberId" value={member.id} /> : null}
      <div className="form-grid">
        <TextField
          name="givenName"
          label="First name"
          state={state}
          stored={member.givenName}
          required
          autoComplete="off"
        />
        <TextField name="familyName" label="Last name" state={state} stored={member.familyName} autoComplete="off" />
      </div>
      <div className="form-grid">
        <SelectField
          name="relationship"
          label={`Relationship to ${personName}`}
          state={state}
          stored={member.relationship}
          required
          placeholder="Choose"
          options={options(relationshipLabel)}
        />
        <SelectField
          name="kind"
          label="Kind"
          state={state}
          stored={member.kind}
          required
          placeholder="Choose"
          options={options(kindLabel)}
        />
        <SelectField
          name="closeness"
          label="How close"
          state={state}
          stored={member.closeness}
          required
          placeholder="Choose"
          options={options(closenessLabel)}
          hint={`As ${personName} sees it`}
        />
      </div>
      <fieldset>
        <legend>Contact</legend>
        <div className="form-grid">
          <TextField name="phone" label="Phone" type="tel" inputMode="tel" state={state} stored={member.phone} />
          <TextField name="email" label="Email" type="email" inputMode="email" state={state} stored={member.email} />
        </div>
        <SelectField
          name="preferredChannel"
          label="Best way to reach them"
          state={state}
          stored={member.preferredChannel ?? 'email'}
          required
          options={options(channelLabel)}
        />
      </fieldset>
      <fieldset>
        <legend>{personName}&apos;s consent</legend>
        <CheckboxField
          name="mayBeInvited"
          label="May be invited to network meetings"
          state={state}
          stored={member.mayBeInvited ?? false}
        />
        <CheckboxField
          name="maySeeSharedRecords"
          label="May see records that are shared with the network"
          state={state}
          stored={member.maySeeSharedRecords ?? false}
        />
        <p className="field-hint">Every change is kept with the time and who made it.</p>
      </fieldset>
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
