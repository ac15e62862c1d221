'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage, SelectField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';
import { disciplineNames, optionsOf, roleNames } from '@/lib/admin/labels';
import { CopyLink } from '@/components/ui/copy-link';
import type { FormAction } from '@/lib/actions/form-state';

/** Ticked teams: as submitted when the form came back, else none. */
function tickedTeams(state: FormState): string[] {
  return (state.values?.teamIds ?? '').split(',').filter(Boolean);
}

/** Inviting a practitioner: their details and teams; on success, the one-time link to send them. */
export function AddPractitionerForm({
  action,
  teams,
  zones,
}: {
  action: FormAction;
  teams: { id: string; name: string }[];
  zones: string[];
}) {
  const [state, formAction] = useActionState(action, idle);
  const ticked = tickedTeams(state);
  const teamError = state.fieldErrors?.teamIds?.[0];
  const invited = state.status === 'success' ? state.data : undefined;
  return (
    <>
      {invited?.link ? (
        <section className="card invited" aria-labelledby="invited-heading">
          <h2 id="invited-heading">{invited.name} has been invited</h2>
          <p>
            Send this link to {invited.name} at <strong className="email">{invited.email}</strong>, for example by
            secure email. With it they choose their password and can then sign in.
          </p>
          <CopyLink
            id="invite-link"
            label="Set-password link"
            link={invited.link}
            hint="Copy it now: it is shown only once. It works once, for 7 days."
          />
          <p>
            <Link href={`/admin/practitioners/${invited.userId}`}>Go to {invited.name}’s page</Link> to set their
            working pattern.
          </p>
        </section>
      ) : null}
      <form action={formAction} className="form" noValidate>
        {state.status === 'error' ? <FormMessage state={state} /> : null}
        <TextField name="name" label="Full name" state={state} required autoComplete="off" />
        <TextField
          name="email"
          label="Email address"
          hint="Their work email. They sign in with it."
          type="email"
          state={state}
          required
          autoComplete="off"
        />
        <div className="form-grid">
          <SelectField
            name="discipline"
            label="Discipline"
            state={state}
            options={optionsOf(disciplineNames)}
            placeholder="Choose…"
            required
          />
          <SelectField
            name="role"
            label="Role"
            hint="Administrators can also manage teams and practitioners."
            state={state}
            stored="practitioner"
            options={optionsOf(roleNames)}
            required
          />
        </div>
        <SelectField
          name="timeZone"
          label="Their time zone"
          hint="Their working hours are kept in this zone."
          state={state}
          stored="Europe/London"
          options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
          required
        />
        <fieldset aria-describedby={teamError ? 'teamIds-error' : 'teamIds-hint'}>
          <legend>Teams</legend>
          <p className="field-hint" id="teamIds-hint">
            Choose every team they work in. You can make them a lead on their page afterwards.
          </p>
          {teams.length === 0 ? (
            <p>
              There are no teams yet. <Link href="/admin/teams/new">Add a team</Link> first.
            </p>
          ) : (
            teams.map((team) => (
              <div className="field field-check" key={team.id}>
                <input
                  id={`team-${team.id}`}
                  type="checkbox"
                  name="teamIds"
                  value={team.id}
                  defaultChecked={ticked.includes(team.id)}
                />
                <label htmlFor={`team-${team.id}`}>{team.name}</label>
              </div>
            ))
          )}
          {teamError ? (
            <p className="field-error" id="teamIds-error">
              {teamError}
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <SubmitButton pendingText="Inviting…">Invite and make a link</SubmitButton>
        </div>
      </form>
    </>
  );
}
