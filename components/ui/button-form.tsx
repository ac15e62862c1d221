'use client';

import { useActionState } from 'react';
import { FormMessage, HiddenFields } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { CopyLink } from './copy-link';
import type { FormAction } from '@/lib/actions/form-state';

/**
 * One button that runs one action on one record (turn access off, remove from a team), with
 * its outcome shown beside it. Hidden fields say which record; the action checks access.
 */
export function ButtonForm({
  action,
  fields,
  label,
  pendingText,
  quiet,
  linkLabel,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingText?: string;
  quiet?: boolean;
  /** When the action hands back a one-time link, the label of the field that shows it. */
  linkLabel?: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  const idBase = Object.values(fields).join('-');
  return (
    <form action={formAction} className="button-form">
      <HiddenFields fields={fields} />
      <SubmitButton quiet={quiet} pendingText={pendingText ?? 'Working…'}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
      {state.status === 'success' && state.data?.link && linkLabel ? (
        <CopyLink
          id={`link-${idBase}`}
          label={linkLabel}
          link={state.data.link}
          hint="Copy it now: it is shown only once. It works once, for 7 days."
        />
      ) : null}
    </form>
  );
}
