import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonForm } from '@/components/ui/button-form';
import { disciplineNames, roleNames } from '@/lib/admin/labels';
import { requireUser } from '@/lib/auth/session';
import { signOutEverywhereAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Your account</h1>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Your details</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>
            {roleNames[user.role]}, {disciplineNames[user.discipline]}
          </dd>
          <dt>Teams</dt>
          <dd>
            {user.memberships.length
              ? user.memberships.map((m) => `${m.teamName}${m.lead ? ' (lead)' : ''}`).join(', ')
              : 'None yet'}
          </dd>
        </dl>
        <p className="muted">An administrator changes these, and sends you a new link to choose a new password.</p>
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Signed in elsewhere?</h2>
        <p>
          If you left yourself signed in on a shared computer, or lost a phone you use for this, sign out everywhere.
          Every device that is signed in as you, this one too, will need your password again.
        </p>
        <ButtonForm
          action={signOutEverywhereAction}
          fields={{}}
          label="Sign out everywhere"
          pendingText="Signing out…"
        />
        <p className="muted">
          Your <Link href="/calendar/feed">calendar address</Link> keeps working: turn it off there if the device that
          subscribed to it is gone.
        </p>
      </section>
    </>
  );
}
