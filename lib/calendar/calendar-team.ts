import { z } from 'zod';
import type { Db } from '@/db/client';
import { findTeam, teamChoices } from '@/db/queries/teams';
import type { SessionUser } from '@/db/queries/users';
import { can, readableTeams } from '@/lib/auth/permissions';

export type CalendarTeam = { id: string; name: string; timeZone: string };

export type CalendarTeamChoice =
  /** The team to show, and the teams the user may switch to (only when more than one). */
  | { status: 'shown'; team: CalendarTeam; choices: { id: string; name: string }[] }
  /** A practitioner on no team yet: nothing to show, and nothing to choose from. */
  | { status: 'no-team' }
  /** Asked for a team the user may not see, or one that does not exist: the page says "not found". */
  | { status: 'not-found' };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

/**
 * Which team's week the user may see. Practitioners see their own teams only; administrators
 * may read every team (lib/auth/permissions), so they may open any team's week, their own first
 * by default. The team comes from the address only after `can` allows it.
 */
export async function calendarTeamFor(
  db: Db,
  user: SessionUser,
  requested: string | undefined,
): Promise<CalendarTeamChoice> {
  const own = user.memberships
    .filter((m) => can(user, 'read', { kind: 'team', teamId: m.teamId }))
    .map((m) => ({ id: m.teamId, name: m.teamName, timeZone: m.timeZone }))
    .sort(byName);
  const isAdmin = readableTeams(user) === 'all';
  const choices = async () => (isAdmin ? await teamChoices(db) : own.map(({ id, name }) => ({ id, name })));

  if (requested !== undefined) {
    if (!z.guid().safeParse(requested).success || !can(user, 'read', { kind: 'team', teamId: requested }))
      return { status: 'not-found' };
    const team = own.find((t) => t.id === requested) ?? (await findTeam(db, requested));
    if (!team) return { status: 'not-found' };
    return {
      status: 'shown',
      team: { id: team.id, name: team.name, timeZone: team.timeZone },
      choices: await choices(),
    };
  }

  const all = await choices();
  const first = own[0] ?? (isAdmin && all[0] ? await findTeam(db, all[0].id) : undefined);
  if (!first) return { status: 'no-team' };
  return { status: 'shown', team: { id: first.id, name: first.name, timeZone: first.timeZone }, choices: all };
}
