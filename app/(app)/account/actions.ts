'use server';

import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { actorOf } from '@/lib/audit/origin';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';

/** Acts on the signed-in user's own sessions, so it carries no fields to trust. */
export const signOutEverywhereAction = validatedAction(
  'signOutEverywhere',
  z.object({}),
  async function signOutEverywhereAction(_input, { user, db }) {
    await signOutEverywhere({ db, actor: await actorOf(user) });
    return { redirectTo: '/sign-in?signedOut=everywhere' };
  },
);
