'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type FormState } from '@/lib/actions/form-state';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personId: string;
  memberId: string;
  active: boolean;
};

export function MemberActiveForm({ action, personId, memberId, active }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <SubmitButton quiet>{active ? 'No longer in the network' : 'Back in the network'}</SubmitButton>
    </form>
  );
}
