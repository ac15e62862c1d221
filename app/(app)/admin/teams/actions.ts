'use server';

import { refresh } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { createTeam } from '@/lib/admin/create-team';
import { teamInput, teamUpdateInput } from '@/lib/admin/team-input';
import { updateTeamSettings } from '@/lib/admin/update-team';
import { actorOf } from '@/lib/audit/origin';
import { assertCan } from '@/lib/auth/permissions';

const administration = { kind: 'administration' } as const;

export const createTeamAction = validatedAction(
  'createTeam',
  teamInput,
  async function createTeamAction(input, { user, db }) {
    assertCan(user, 'manage', administration);
    const team = await createTeam({ db, actor: await actorOf(user) }, input);
    return { redirectTo: `/admin/teams/${team.id}?saved=created` };
  },
);

export const updateTeamAction = validatedAction(
  'updateTeam',
  teamUpdateInput,
  async function updateTeamSettingsAction(input, { user, db }) {
    assertCan(user, 'manage', administration);
    await updateTeamSettings({ db, actor: await actorOf(user) }, input);
    refresh();
    return { message: 'Team settings saved.' };
  },
);
