import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { TeamForm } from '@/components/admin/team-form';
import { timeZoneOptions } from '@/lib/admin/time-zone';
import { requireAllowed } from '@/lib/auth/session';
import { createTeamAction } from '../actions';

export const metadata: Metadata = { title: 'Add a team' };

export default async function NewTeamPage() {
  await requireAllowed('manage', { kind: 'administration' });
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/admin', label: 'Administration' },
          { href: '/admin/teams', label: 'Teams' },
        ]}
      />
      <h1>Add a team</h1>
      <p className="muted">You can change any of this later.</p>
      <TeamForm action={createTeamAction} zones={timeZoneOptions()} submitLabel="Add team" />
    </>
  );
}
