'use server';

import { refresh } from 'next/cache';
import { recordAudit } from '@/db/queries/audit';
import { findTeam, insertTeam, teamNameTaken, updateTeam } from '@/db/queries/teams';
import { validatedAction } from '@/lib/actions/validated-action';
import { teamInput, teamUpdateInput } from '@/lib/admin/team-input';
import { requestOrigin } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

const administration = { kind: 'administration' } as const;

function nameTakenError(name: string) {
  const message = `There is already a team called “${name}”. Choose a name that tells them apart.`;
  return new AppError('conflict', message, { fieldErrors: { name: [message] } });
}

export const createTeamAction = validatedAction(
  'createTeam',
  teamInput,
  async function createTeamAction(input, { user, db }) {
    assertCan(user, 'manage', administration);
    const origin = await requestOrigin();
    const team = await db.transaction(async (tx) => {
      if (await teamNameTaken(tx, input.name)) throw nameTakenError(input.name);
      const created = await insertTeam(tx, input);
      await recordAudit(tx, {
        actorId: user.id,
        teamId: created.id,
        action: 'create',
        entity: 'team',
        entityId: created.id,
        origin,
        detail: { ...input },
      });
      return created;
    });
    return { redirectTo: `/admin/teams/${team.id}?saved=created` };
  },
);

export const updateTeamAction = validatedAction(
  'updateTeam',
  teamUpdateInput,
  async function updateTeamSettings({ teamId, ...input }, { user, db }) {
    assertCan(user, 'manage', administration);
    const origin = await requestOrigin();
    await db.transaction(async (tx) => {
      const before = await findTeam(tx, teamId);
      if (!before) throw new AppError('not_found');
      if (await teamNameTaken(tx, input.name, teamId)) throw nameTakenError(input.name);
      await updateTeam(tx, teamId, input);
      const changes = Object.fromEntries(
        (Object.keys(input) as (keyof typeof input)[])
          .filter((k) => before[k] !== input[k])
          .map((k) => [k, { from: before[k], to: input[k] }]),
      );
      await recordAudit(tx, {
        actorId: user.id,
        teamId,
        action: 'update',
        entity: 'team',
        entityId: teamId,
        origin,
        detail: changes,
      });
    });
    refresh();
    return { message: 'Team settings saved.' };
  },
);
