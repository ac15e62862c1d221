'use client';

import { useActionState } from 'react';
import { CopyLink } from '@/components/ui/copy-link';
import { FormMessage } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Create, replace or turn off the secret calendar address. The address exists only in the
 * answer to "create", so it is shown once, and only while it is still the active one.
 */
export function FeedControls({
  active,
  createAction,
  revokeAction,
}: {
  active: { id: string; since: string } | null;
  createAction: FormAction;
  revokeAction: FormAction;
}) {
  const [created, create] = useActionState(createAction, idle);
  const [revoked, revoke] = useActionState(revokeAction, idle);
  const fresh =
    created.status === 'success' && created.data?.link && created.data.feedId === active?.id
      ? created.data.link
      : undefined;
  const justTurnedOff = revoked.status === 'success' && !active;
  return (
    <>
      {fresh ? (
        <>
          <FormMessage state={created} />
          <CopyLink
            id="feed-address"
            label="Your calendar address"
            link={fresh}
            hint="Paste it into your calendar app where it offers to subscribe to a calendar from the web (by URL). Keep it to yourself: anyone with it can see when and where your meetings are."
          />
          <p>
            <a href={fresh.replace(/^https?:/, 'webcal:')}>Open it in my calendar app</a>
          </p>
        </>
      ) : active ? (
        <p>
          Your calendar address is on, since {active.since}. It was shown once, when it was made: if you no longer have
          it, replace it.
        </p>
      ) : (
        <>
          {justTurnedOff ? <FormMessage state={revoked} /> : null}
          <p>You have no calendar address on.</p>
        </>
      )}
      <form action={create} className="form">
        {created.status === 'error' ? <FormMessage state={created} /> : null}
        {active ? (
          <p className="field-hint">
            Replacing it stops the old address at once; you then paste the new one into your calendar app.
          </p>
        ) : null}
        <div className="form-actions">
          <SubmitButton pendingText="Making the address…">
            {active ? 'Replace the address' : 'Create my calendar address'}
          </SubmitButton>
        </div>
      </form>
      {active ? (
        <form action={revoke} className="form">
          {revoked.status === 'error' ? <FormMessage state={revoked} /> : null}
          <div className="form-actions">
            <SubmitButton quiet pendingText="Turning off…">
              Turn the address off
            </SubmitButton>
          </div>
        </form>
      ) : null}
    </>
  );
}
