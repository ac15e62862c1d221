'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextAreaField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormAction } from '@/lib/actions/form-state';
import { presenceLabel, type Participant } from '@/lib/records/participants';
import type { Presence } from '@/db/schema/records';

type Props = {
  action: FormAction;
  personId: string;
  meetingId: string;
  status: 'scheduled' | 'held' | 'did_not_happen';
  statusReason: string | null;
  participants: Participant[];
  addable: { key: string; label: string }[];
  practitioners: { id: string; name: string }[];
};

const presenceOptions = (Object.keys(presenceLabel) as Presence[]).map((p) => ({ value: p, label: presenceLabel[p] }));
const kindHeading = { person: 'The person', member: 'From the network', practitioner: 'From the team' } as const;

/** After the meeting: held or not, and how each person expected was there; one more added at a time. */
export function AttendanceForm(props: Props) {
  const [state, formAction] = useActionState(props.action, idle);
  const outcome = shown(state, 'outcome', props.status === 'did_not_happen' ? 'did_not_happen' : 'held');
  const error = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={props.personId} />
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <fieldset className="field">
        <legend>Did the meeting happen?</legend>
        <label className="day-choice">
          <input type="radio" name="outcome" value="held" defaultChecked={outcome === 'held'} /> It was held
        </label>
        <label className="day-choice">
          <input type="radio" name="outcome" value="did_not_happen" defaultChecked={outcome === 'did_not_happen'} /> It
          did not happen
        </label>
        {error('outcome') ? <p className="field-error">{error('outcome')}</p> : null}
      </fieldset>
      <TextAreaField
        name="reason"
        label="If it did not happen, why"
        state={state}
        stored={props.statusReason}
        rows={2}
        hint="For example: the person was not at home; postponed at the family’s request"
      />
      {(['person', 'member', 'practitioner'] as const).map((kind) => {
        const rows = props.participants.filter((p) => p.kind === kind);
        if (rows.length === 0) return null;
        return (
          <fieldset key={kind} className="field">
            <legend>{kindHeading[kind]}</legend>
            {rows.map((p) => (
              <SelectField
                key={p.key}
                name={`presence.${p.key}`}
                label={`${p.name}${p.invited ? '' : ' (came without an invitation)'}${p.coveringFor ? ' (covering for a colleague)' : ''}`}
                state={state}
                stored={p.presence ?? ''}
                placeholder="Choose…"
                options={presenceOptions}
                required
              />
            ))}
          </fieldset>
        );
      })}
      <details className="field" open={Boolean(shown(state, 'addKey', ''))}>
        <summary>Someone came who was not invited</summary>
        <SelectField
          name="addKey"
          label="Who came"
          state={state}
          stored=""
          placeholder="No one else"
          options={props.addable.map((a) => ({ value: a.key, label: a.label }))}
        />
        <SelectField
          name="addPresence"
          label="How they were there"
          state={state}
          stored="came"
          options={presenceOptions}
        />
        <SelectField
          name="addCovering"
          label="A practitioner covering for"
          state={state}
          stored=""
          placeholder="Not covering for anyone"
          hint="Covering for a colleague is shown as covering, not as a change of core team"
          options={props.practitioners.map((p) => ({ value: p.id, label: p.name }))}
        />
      </details>
      <div className="form-actions">
        <SubmitButton pendingText="Saving…">Save attendance</SubmitButton>
      </div>
    </form>
  );
}
