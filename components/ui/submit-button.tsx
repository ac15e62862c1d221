'use client';

import { useFormStatus } from 'react-dom';

export function SubmitButton({
  children,
  pendingText,
  quiet,
}: {
  children: string;
  pendingText?: string;
  quiet?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      className={quiet ? 'button button-quiet' : 'button'}
      type="submit"
      disabled={pending}
      aria-disabled={pending}
    >
      {pending ? (pendingText ?? 'Saving…') : children}
    </button>
  );
}
