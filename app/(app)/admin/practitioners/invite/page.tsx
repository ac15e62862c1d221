import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { AddPractitionerForm } from '@/components/admin/add-practitioner-form';
import { getDb } from '@/db/connection';
import { teamChoices } from '@/db/queries/teams';
import { timeZoneOptions } from '@/lib/admin/time-zone';
import { requireAllowed } from '@/lib/auth/session';
import { addPractitionerAction } from '../actions';

export const metadata: Metadata = { title: 'Invite a practitioner' };

export default async function InvitePage() {
  await requireAllowed('manage', { kind: 'administration' });
  const teams = await teamChoices(await getDb());
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/admin', label: 'Administration' },
          { href: '/admin/practitioners', label: 'Practitioners' },
        ]}
      />
      <h1>Invite a practitioner</h1>
      <p>
        This makes their account and a one-time link. You send them the link yourself (the app does not send email yet);
        with it they choose a password. The link works once, for 7 days.
      </p>
      <AddPractitionerForm action={addPractitionerAction} teams={teams} zones={timeZoneOptions()} />
    </>
  );
}
