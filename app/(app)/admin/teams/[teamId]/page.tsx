import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { TeamForm } from '@/components/admin/team-form';
import { getDb } from '@/db/connection';
import { findTeam, teamRoster } from '@/db/queries/teams';
import { isId } from '@/lib/admin/input-fields';
import { disciplineNames } from '@/lib/admin/labels';
import { timeZoneOptions } from '@/lib/admin/time-zone';
import { requireAllowed } from '@/lib/auth/session';
import { updateTeamAction } from '../actions';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage({ params, searchParams }: PageProps<'/admin/teams/[teamId]'>) {
  await requireAllowed('manage', { kind: 'administration' });
  const { teamId } = await params;
  const { saved } = await searchParams;
  if (!isId(teamId)) notFound();
  const db = await getDb();
  const team = await findTeam(db, teamId);
  if (!team) notFound();
  const roster = await teamRoster(db, teamId);
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/admin', label: 'Administration' },
          { href: '/admin/teams', label: 'Teams' },
        ]}
      />
      <h1>{team.name}</h1>
      {saved === 'created' ? (
        <div className="alert alert-success" role="status">
          The team is added. Next, <Link href="/admin/practitioners/invite">invite its practitioners</Link> or add
          existing ones from their pages.
        </div>
      ) : null}
      <section className="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <TeamForm
          action={updateTeamAction}
          team={team}
          zones={timeZoneOptions(team.timeZone)}
          submitLabel="Save settings"
        />
      </section>
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Practitioners on this team</h2>
        {roster.length === 0 ? (
          <p className="muted">
            Nobody yet. <Link href="/admin/practitioners/invite">Invite a practitioner</Link>, or add someone from their
            page.
          </p>
        ) : (
          <ul className="plain-list">
            {roster.map((member) => (
              <li key={member.id}>
                <Link href={`/admin/practitioners/${member.id}`}>{member.name}</Link>,{' '}
                {disciplineNames[member.discipline].toLowerCase()}
                {member.lead ? <span className="tag">Lead</span> : null}
                {member.disabledAt ? <span className="tag tag-disabled">Access turned off</span> : null}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">Change who is on the team, and who leads it, from each practitioner’s page.</p>
      </section>
    </>
  );
}
