'use server';

import { randomBytes } from 'node:crypto';
import { refresh } from 'next/cache';
import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { insertInvite } from '@/db/queries/invites';
import {
  countExistingTeams,
  deleteMembership,
  emailTaken,
  findMembership,
  findPractitioner,
  insertAccount,
  setDisabled,
  updateAccountDetails,
  upsertMembership,
} from '@/db/queries/practitioners';
import { findTeam } from '@/db/queries/teams';
import { validatedAction } from '@/lib/actions/validated-action';
import { hashInviteToken, inviteExpiry, newInviteToken, welcomePath } from '@/lib/admin/invite-token';
import {
  accessInput,
  inviteInput,
  membershipInput,
  practitionerDetailsInput,
  practitionerRefInput,
} from '@/lib/admin/practitioner-input';
import { publicUrl } from '@/lib/admin/public-url';
import { requestOrigin } from '@/lib/audit/origin';
import { revokeCalendarFeed } from '@/db/queries/calendar-files';
import { hashPassword } from '@/lib/auth/password';
import { assertCan } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

const administration = { kind: 'administration' } as const;

function fieldError(field: string, message: string, code: 'conflict' | 'invalid_input' = 'invalid_input') {
  return new AppError(code, message, { fieldErrors: { [field]: [message] } });
}

const emailTakenError = () =>
  fieldError(
    'email',
    'Someone already has an account with this email address. Check it, or find them in the list.',
    'conflict',
  );

async function practitionerOrNotFound(db: Db, userId: string) {
  const practitioner = await findPractitioner(db, userId);
  if (!practitioner) throw new AppError('not_found');
  return practitioner;
}

/** A new link, stored as its hash; the token itself goes back to the administrator once. */
async function issueLink(db: Db, userId: string, createdBy: string, now: Date) {
  const token = newInviteToken();
  const invite = await insertInvite(db, {
    userId,
    tokenHash: hashInviteToken(token),
    createdBy,
    expiresAt: inviteExpiry(now),
    now,
  });
  return { token, expiresAt: invite.expiresAt };
}

export const inviteAction = validatedAction(
  'invite',
  inviteInput,
  async function invitePractitioner(input, { user, db }) {
    assertCan(user, 'manage', administration);
    const origin = await requestOrigin();
    // Nobody knows this password: the account can be used only once its owner chooses one.
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    const now = new Date();
    const { account, token } = await db.transaction(async (tx) => {
      if (await emailTaken(tx, input.email)) throw emailTakenError();
      if ((await countExistingTeams(tx, input.teamIds)) !== input.teamIds.length) {
        throw fieldError('teamIds', 'One of those teams no longer exists. Reload the page and choose again.');
      }
      const { teamIds, ...details } = input;
      const account = await insertAccount(tx, { ...details, passwordHash }, teamIds);
      const { token } = await issueLink(tx, account.id, user.id, now);
      await recordAudit(tx, {
        actorId: user.id,
        teamId: null,
        action: 'create',
        entity: 'user',
        entityId: account.id,
        origin,
        detail: { ...details, teamIds, invited: true },
      });
      return { account, token };
    });
    return {
      message: `${account.name} has been invited.`,
      data: { link: await publicUrl(welcomePath(token)), userId: account.id, name: account.name, email: account.email },
    };
  },
);

export const newLinkAction = validatedAction(
  'newLink',
  practitionerRefInput,
  async function newSetPasswordLink({ userId }, { user, db }) {
    assertCan(user, 'manage', administration);
    const origin = await requestOrigin();
    const { practitioner, token } = await db.transaction(async (tx) => {
      const practitioner = await practitionerOrNotFound(tx, userId);
      if (practitioner.disabledAt)
        throw new AppError(
          'conflict',
          `${practitioner.name}’s access is turned off. Turn it back on before sending a new link.`,
        );
      const { token } = await issueLink(tx, userId, user.id, new Date());
      await recordAudit(tx, {
        actorId: user.id,
        teamId: null,
        action: 'update',
        entity: 'user',
        entityId: userId,
        origin,
        detail: { change: 'new set-password link' },
      });
      return { practitioner, token };
    });
    refresh();
    return {
      message: `A new link for ${practitioner.name} is ready. Any earlier link no longer works.`,
      data: { link: await publicUrl(welcomePath(token)) },
    };
  },
);

export const updateDetailsAction = validatedAction(
  'updateDetails',
  practitionerDetailsInput,
  async function updatePractitionerDetails({ userId, ...details }, { user, db }) {
    assertCan(user, 'manage', administration);
    if (userId === user.id && details.role !== 'admin') {
      throw fieldError('role', 'You cannot remove your own administrator role. Ask another administrator to do it.');
    }
    const origin = await requestOrigin();
    await db.transaction(async (tx) => {
      const before = await practitionerOrNotFound(tx, userId);
      if (await emailTaken(tx, details.email, userId)) throw emailTakenError();
      await updateAccountDetails(tx, userId, details);
      const changes = Object.fromEntries(
        (Object.keys(details) as (keyof typeof details)[])
          .filter((k) => before[k] !== details[k])
          .map((k) => [k, { from: before[k], to: details[k] }]),
      );
      await recordAudit(tx, {
        actorId: user.id,
        teamId: null,
        action: 'update',
        entity: 'user',
        entityId: userId,
        origin,
        detail: changes,
      });
    });
    refresh();
    return { message: 'Details saved.' };
  },
);

export const setAccessAction = validatedAction(
  'setAccess',
  accessInput,
  async function setAccessAction({ userId, access }, { user, db }) {
    assertCan(user, 'manage', administration);
    if (access === 'disable' && userId === user.id) {
      throw new AppError(
        'conflict',
        'You cannot turn off your own access. Ask another administrator if it needs to end.',
      );
    }
    const origin = await requestOrigin();
    const name = await db.transaction(async (tx) => {
      const practitioner = await practitionerOrNotFound(tx, userId);
      const changed = await setDisabled(tx, userId, access === 'disable');
      // Its sessions ended with the version; its calendar address ends too, so turning access
      // on again brings back neither (a new address can be made then).
      if (changed && access === 'disable') await revokeCalendarFeed(tx, userId, { actorId: user.id, origin });
      if (changed) {
        await recordAudit(tx, {
          actorId: user.id,
          teamId: null,
          action: access === 'disable' ? 'deactivate' : 'reactivate',
          entity: 'user',
          entityId: userId,
          origin,
        });
      }
      return practitioner.name;
    });
    refresh();
    return { message: access === 'disable' ? `${name} can no longer sign in.` : `${name} can sign in again.` };
  },
);

export const addMembershipAction = validatedAction(
  'addMembership',
  membershipInput,
  async function addMembershipAction({ userId, teamId, lead }, { user, db }) {
    assertCan(user, 'manage', administration);
    const origin = await requestOrigin();
    const message = await db.transaction(async (tx) => {
      await practitionerOrNotFound(tx, userId);
      const team = await findTeam(tx, teamId);
      if (!team) throw fieldError('teamId', 'Choose a team from the list.');
      const existing = await findMembership(tx, userId, teamId);
      await upsertMembership(tx, userId, teamId, lead);
      await recordAudit(tx, {
        actorId: user.id,
        teamId,
        action: existing ? 'update' : 'assign',
        entity: 'user',
        entityId: userId,
        origin,
        detail: { change: 'team membership', team: team.name, lead },
      });
      return existing
        ? `Already on ${team.name}: lead ${lead ? 'set' : 'unset'}.`
        : `Added to ${team.name}${lead ? ' as a lead' : ''}.`;
    });
    refresh();
    return { message };
  },
);

export const setLeadAction = validatedAction(
  'setLead',
  membershipInput,
  async function setLeadAction({ userId, teamId, lead }, { user, db }) {
    assertCan(user, 'manage', administration);
    const origin = await requestOrigin();
    const message = await db.transaction(async (tx) => {
      const practitioner = await practitionerOrNotFound(tx, userId);
      const membership = await findMembership(tx, userId, teamId);
      if (!membership) throw new AppError('not_found');
      await upsertMembership(tx, userId, teamId, lead);
      await recordAudit(tx, {
        actorId: user.id,
        teamId,
        action: 'update',
        entity: 'user',
        entityId: userId,
        origin,
        detail: { change: 'team lead', team: membership.teamName, lead },
      });
      return lead
        ? `${practitioner.name} now leads ${membership.teamName}.`
        : `${practitioner.name} no longer leads ${membership.teamName}.`;
    });
    refresh();
    return { message };
  },
);

export const removeMembershipAction = validatedAction(
  'removeMembership',
  membershipInput,
  async function removeMembershipAction({ userId, teamId }, { user, db }) {
    assertCan(user, 'manage', administration);
    const origin = await requestOrigin();
    const message = await db.transaction(async (tx) => {
      const practitioner = await practitionerOrNotFound(tx, userId);
      const membership = await findMembership(tx, userId, teamId);
      if (!membership || !(await deleteMembership(tx, userId, teamId))) throw new AppError('not_found');
      await recordAudit(tx, {
        actorId: user.id,
        teamId,
        action: 'end-assignment',
        entity: 'user',
        entityId: userId,
        origin,
        detail: { change: 'team membership', team: membership.teamName },
      });
      return `${practitioner.name} is no longer on ${membership.teamName}.`;
    });
    refresh();
    return { message };
  },
);
