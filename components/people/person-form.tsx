'use client';

import { useActionState } from 'react';
import {
  CheckboxField,
  FormMessage,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';
import { inviteeVisibilityLabel, options, weekdayLabel } from '@/lib/people/labels';

export type PersonFormValues = {
  id?: string;
  givenName?: string;
  familyName?: string;
  preferredName?: string | null;
  pronouns?: string | null;
  dateOfBirth?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  preferredPlaces?: string | null;
  accessibilityNeeds?: string | null;
  interpreterLanguage?: string | null;
  preferredWeekdays?: number[];
  preferredFrom?: string;
  preferredTo?: string;
  referralAt: string;
  firstContactUserId?: string | null;
  /** Set when editing: what network members see about each other on their invitations. */
  inviteesSeeEachOther?: keyof typeof inviteeVisibilityLabel;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  person: PersonFormValues;
  teams?: { id: string; name: string }[];
  practitioners: { id: string; name: string }[];
  zoneName: string;
  submitLabel: string;
};

export function PersonForm({ action, person, teams, practitioners, zoneName, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, idle);
  const chosenDays = state.values
    ? (state.values.preferredWeekdays ?? '').split(',').map(Number)
    : (person.preferredWeekdays ?? []);
  const duplicate = Boolean(state.fieldErrors?.confirmDuplicate);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {person.id ? <input type="hidden" name="personId" value={person.id} /> : null}
      {teams && teams.length > 1 ? (
        <SelectField
          name="teamId"
          label="Team"
          state={state}
          required
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          placeholder="Choose a team"
        />
      ) : null}
      <fieldset>
        <legend>Name</legend>
        <div className="form-grid">
          <TextField
            name="givenName"
            label="First name"
            state={state}
            stored={person.givenName}
            required
            autoComplete="off"
          />
          <TextField
            name="familyName"
            label="Last name"
            state={state}
            stored={person.familyName}
            required
            autoComplete="off"
          />
          <TextField
            name="preferredName"
            label="Name they like to be called"
            state={state}
            stored={person.preferredName}
          />
          <TextField
            name="pronouns"
            label="Pronouns"
            state={state}
            stored={person.pronouns}
            hint="For example she/her, he/him, they/them"
          />
        </div>
        <TextField name="dateOfBirth" label="Date of birth" type="date" state={state} stored={person.dateOfBirth} />
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        <div className="form-grid">
          <TextField name="phone" label="Phone" type="tel" inputMode="tel" state={state} stored={person.phone} />
          <TextField name="email" label="Email" type="email" inputMode="email" state={state} stored={person.email} />
        </div>
        <TextAreaField name="address" label="Address" state={state} stored={person.address} rows={2} />
      </fieldset>
      <fieldset>
        <legend>Meetings that suit them</legend>
        <TextAreaField
          name="preferredPlaces"
          label="Places that suit them"
          state={state}
          stored={person.preferredPlaces}
          rows={2}
          hint="For example: at home, the community centre, a walk in the park"
        />
        <fieldset className="weekdays">
          <legend>Days that suit them</legend>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <label key={day} className="day-choice">
              <input type="checkbox" name="preferredWeekdays" value={day} defaultChecked={chosenDays.includes(day)} />{' '}
              {weekdayLabel[day]}
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <TextField
            name="preferredFrom"
            label="From"
            type="time"
            state={state}
            stored={person.preferredFrom}
            hint={`In ${zoneName} time`}
          />
          <TextField name="preferredTo" label="Until" type="time" state={state} stored={person.preferredTo} />
        </div>
        <TextAreaField
          name="accessibilityNeeds"
          label="Accessibility needs"
          state={state}
          stored={person.accessibilityNeeds}
          rows={2}
        />
        <TextField
          name="interpreterLanguage"
          label="Interpreter needed for"
          state={state}
          stored={person.interpreterLanguage}
          hint="The language, if they would like an interpreter"
        />
      </fieldset>
      {person.inviteesSeeEachOther ? (
        <RadioGroupField
          name="inviteesSeeEachOther"
          legend="What people from the network see about each other when invited"
          state={state}
          stored={person.inviteesSeeEachOther}
          options={options(inviteeVisibilityLabel)}
          hint={`Ask ${person.givenName || 'the person'} what they would like. They always see everyone invited to their own meetings, and everyone invited sees the first names of the practitioners coming.`}
        />
      ) : null}
      <fieldset>
        <legend>Referral</legend>
        <div className="form-grid">
          <TextField
            name="referralAt"
            label="Referral arrived"
            type="datetime-local"
            state={state}
            stored={person.referralAt}
            required
            hint={`In ${zoneName} time`}
          />
          <SelectField
            name="firstContactUserId"
            label="First contact taken by"
            state={state}
            stored={person.firstContactUserId}
            placeholder="Not recorded"
            options={practitioners.map((p) => ({ value: p.id, label: p.name }))}
          />
        </div>
      </fieldset>
      {duplicate ? (
        <div className="alert alert-warning">
          <CheckboxField
            name="confirmDuplicate"
            label="This is a different person: save anyway"
            state={state}
            stored={false}
          />
        </div>
      ) : null}
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
