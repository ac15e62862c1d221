import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/connection';
import { teamChoices } from '@/db/queries/teams';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Continuity' };

/** The teams whose continuity the user may review: their own (every team for an administrator). */
export default async function ContinuityTeamsPage() {
  const user = await requireUser();
  const teams = (await teamChoices(await getDb())).filter((t) => can(user, 'read', { kind: 'team', teamId: t.id }));
  if (teams.length === 1) redirect(`/continuity/${teams[0]!.id}`);
  return (
    <>
      <h1>Continuity of care</h1>
      {teams.length === 0 ? (
        <p className="muted">You are not on a team yet, so there is no team to review.</p>
      ) : (
        <ul className="plain-list">
          {teams.map((t) => (
            <li key={t.id}>
              <Link href={`/continuity/${t.id}`}>{t.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
