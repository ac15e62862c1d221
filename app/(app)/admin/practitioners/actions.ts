'use server';

import { refresh } from 'next/cache';
import type { SessionUser } from '@/db/queries/users';
import { validatedAction } from '@/lib/actions/validated-action';
import { addMembership } from '@/lib/admin/add-membership';
import { welcomePath } from '@/lib/admin/welcome-token';
import { addPractitioner } from '@/lib/admin/add-practitioner';
import { newSetPasswordLink } from '@/lib/admin/new-set-password-link';
import {
  accessInput,
  newPractitionerInput,
  membershipInput,
  practitionerDetailsInput,
  practitionerRefInput,
} from '@/lib/admin/practitioner-input';
import { publicUrl } from '@/lib/admin/public-url';
import { removeMembership } from '@/lib/admin/remove-membership';
import { setPractitionerAccess } from '@/lib/admin/set-practitioner-access';
import { setTeamLead } from '@/lib/admin/set-team-lead';
import { updatePractitionerDetails } from '@/lib/admin/update-practitioner-details';
import { actorOf } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';

const administration = { kind: 'administration' } as const;

/** Every form here is for administrators only; the acting administrator is the audit's actor. */
async function asAdministrator(user: SessionUser) {
  assertCan(user, 'manage', administration);
  return await actorOf(user);
}

export const addPractitionerAction = validatedAction(
  'addPractitioner',
  newPractitionerInput,
  async function addPractitionerAction(input, { user, db }) {
    const { account, token } = await addPractitioner({ db, actor: await asAdministrator(user) }, input);
    return {
      message: `${account.name} has been invited.`,
      data: { link: await publicUrl(welcomePath(token)), userId: account.id, name: account.name, email: account.email },
    };
  },
);

export const newLinkAction = validatedAction(
  'newLink',
  practitionerRefInput,
  async function newSetPasswordLinkAction({ userId }, { user, db }) {
    const { name, token } = await newSetPasswordLink({ db, actor: await asAdministrator(user) }, { userId });
    refresh();
    return {
      message: `A new link for ${name} is ready. Any earlier link no longer works.`,
      data: { link: await publicUrl(welcomePath(token)) },
    };
  },
);

export const updateDetailsAction = validatedAction(
  'updateDetails',
  practitionerDetailsInput,
  async function updatePractitionerDetailsAction(input, { user, db }) {
    await updatePractitionerDetails({ db, actor: await asAdministrator(user) }, input);
    refresh();
    return { message: 'Details saved.' };
  },
);

export const setAccessAction = validatedAction(
  'setAccess',
  accessInput,
  async function setAccessAction(input, { user, db }) {
    const name = await setPractitionerAccess({ db, actor: await asAdministrator(user) }, input);
    refresh();
    return {
      message: input.access === 'disable' ? `${name} can no longer sign in.` : `${name} can sign in again.`,
    };
  },
);

export const addMembershipAction = validatedAction(
  'addMembership',
  membershipInput,
  async function addMembershipAction(input, { user, db }) {
    const message = await addMembership({ db, actor: await asAdministrator(user) }, input);
    refresh();
    return { message };
  },
);

export const setLeadAction = validatedAction(
  'setLead',
  membershipInput,
  async function setLeadAction(input, { user, db }) {
    const message = await setTeamLead({ db, actor: await asAdministrator(user) }, input);
    refresh();
    return { message };
  },
);

export const removeMembershipAction = validatedAction(
  'removeMembership',
  membershipInput,
  async function removeMembershipAction(input, { user, db }) {
    const message = await removeMembership({ db, actor: await asAdministrator(user) }, input);
    refresh();
    return { message };
  },
);
