import { shown, type FormState } from '@/lib/actions/form-state';
import type { InviteeOption } from '@/lib/invitations/options';

export type { InviteeOption };

/**
 * Whom to invite, as checkboxes named `invite`: the person and the network members who agreed
 * to be invited (the inner circle ticked to begin with). Members without consent are listed but
 * cannot be ticked, so the choice is visible and the rule is plain.
 */
export function InviteeChoices({ options, state }: { options: InviteeOption[]; state?: FormState }) {
  const error = state?.fieldErrors?.invite?.[0];
  const sent = state?.values ? new Set(shown(state, 'invite', '').split(',')) : undefined;
  if (options.length === 0) return null;
  return (
    <fieldset className="field invitees" aria-describedby={error ? 'invite-error' : 'invite-hint'}>
      <legend>Invite</legend>
      <p className="field-hint" id="invite-hint">
        Each gets a personal link to answer, by email when they have an address; otherwise copy their link from the
        meeting page.
      </p>
      {options.map((o) => (
        <label key={o.value} className="day-choice">
          <input
            type="checkbox"
            name="invite"
            value={o.value}
            disabled={o.disabled}
            defaultChecked={o.disabled ? o.checked : sent ? sent.has(o.value) : o.checked}
          />
          <span>
            {o.label}
            {o.note ? <span className="muted"> · {o.note}</span> : null}
          </span>
        </label>
      ))}
      {error ? (
        <p className="field-error" id="invite-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
