'use server';

import { validatedPublicAction } from '@/lib/actions/validated-action';
import { setPasswordInput } from '@/lib/admin/set-password-input';
import { requestOrigin } from '@/lib/audit/origin';
import { setPasswordFromLink } from '@/lib/auth/set-password-from-link';

/** Public: the one-time link is the only credential, and the verb checks it. */
export const setPasswordAction = validatedPublicAction(
  'setPassword',
  setPasswordInput,
  async function setPasswordFromInvite({ token, password }, { db }) {
    const { email } = await setPasswordFromLink({ db, origin: await requestOrigin() }, { token, password });
    return { message: 'Your password is saved.', data: { email } };
  },
);
