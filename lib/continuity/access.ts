import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/connection';
import { continuitySettings } from '@/db/queries/continuity';
import { findTeam } from '@/db/queries/teams';
import { auditView } from '@/lib/audit/audit-view';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

/**
 * For the team's continuity pages: the team, its thresholds, and whether the user leads it
 * (or administers), if the user may read the team; else a 404. Every view leaves an audit event.
 */
export async function openTeamContinuity(teamId: string, view: string) {
  const user = await requireUser();
  if (!z.guid().safeParse(teamId).success || !can(user, 'read', { kind: 'team', teamId })) notFound();
  const db = await getDb();
  const [team, settings] = await Promise.all([findTeam(db, teamId), continuitySettings(db, teamId)]);
  if (!team || !settings) notFound();
  const lead = can(user, 'manage', { kind: 'team', teamId });
  await auditView(db, user.id, {
    teamId,
    action: 'read',
    entity: 'team',
    entityId: teamId,
    detail: { view, ...(view === 'continuity-trends' ? { practitioners: lead } : {}) },
  });
  return { user, db, team, settings, lead };
}
