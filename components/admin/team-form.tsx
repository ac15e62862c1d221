'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import type { FormAction } from '@/lib/actions/form-state';

type TeamValues = {
  id: string;
  name: string;
  timeZone: string;
  travelBufferMinutes: number;
  reminderHours: number;
  minimumNoticeHours: number;
  recordLinkDays: number;
  firstMeetingHours: number;
  meetingGapDays: number;
  signWithinDays: number;
};

/** Creating a team, or changing its name and settings. */
export function TeamForm({
  action,
  team,
  zones,
  submitLabel,
}: {
  action: FormAction;
  team?: TeamValues;
  zones: string[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {team ? <input type="hidden" name="teamId" value={team.id} /> : null}
      <TextField name="name" label="Team name" state={state} stored={team?.name} required autoComplete="off" />
      <SelectField
        name="timeZone"
        label="Time zone"
        hint="Meeting times for this team are shown in this zone."
        state={state}
        stored={team?.timeZone ?? 'Europe/London'}
        options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        required
      />
      <div className="form-grid">
        <TextField
          name="travelBufferMinutes"
          label="Travel time (minutes)"
          hint="Kept free before and after a home or community visit. 0 to 240."
          type="number"
          inputMode="numeric"
          state={state}
          stored={team?.travelBufferMinutes ?? 30}
          required
        />
        <TextField
          name="reminderHours"
          label="Reminder (hours before)"
          hint="When invitees are reminded of a meeting. 0 to 168."
          type="number"
          inputMode="numeric"
          state={state}
          stored={team?.reminderHours ?? 24}
          required
        />
        <TextField
          name="minimumNoticeHours"
          label="Minimum notice (hours)"
          hint="How soon a new meeting may be booked. Crisis meetings ignore it. 0 to 168."
          type="number"
          inputMode="numeric"
          state={state}
          stored={team?.minimumNoticeHours ?? 2}
          required
        />
        <TextField
          name="recordLinkDays"
          label="Reading period (days)"
          hint="How long after a meeting its personal links open the notes; then the team can send a fresh link. Applies to links sent from now on. 1 to 730."
          type="number"
          inputMode="numeric"
          state={state}
          stored={team?.recordLinkDays ?? 90}
          required
        />
      </div>
      <fieldset>
        <legend>Continuity flags</legend>
        <p className="field-hint">The continuity review flags a person when one of these is passed.</p>
        <div className="form-grid">
          <TextField
            name="firstMeetingHours"
            label="First meeting within (hours of referral)"
            hint="1 to 720."
            type="number"
            inputMode="numeric"
            state={state}
            stored={team?.firstMeetingHours ?? 24}
            required
          />
          <TextField
            name="meetingGapDays"
            label="Longest time without a meeting (days)"
            hint="While the person is active. 1 to 365."
            type="number"
            inputMode="numeric"
            state={state}
            stored={team?.meetingGapDays ?? 14}
            required
          />
          <TextField
            name="signWithinDays"
            label="Record signed within (days of the meeting)"
            hint="1 to 90."
            type="number"
            inputMode="numeric"
            state={state}
            stored={team?.signWithinDays ?? 3}
            required
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
