import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/connection';
import { administrationCounts } from '@/db/queries/teams';
import { requireAllowed } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdministrationPage() {
  await requireAllowed('manage', { kind: 'administration' });
  const counts = await administrationCounts(await getDb());
  return (
    <>
      <div className="page-head">
        <h1>Administration</h1>
      </div>
      <dl className="stats">
        <div>
          <dt>Teams</dt>
          <dd>{counts.teams}</dd>
        </div>
        <div>
          <dt>Accounts with access</dt>
          <dd>{counts.active}</dd>
        </div>
        <div>
          <dt>Administrators</dt>
          <dd>{counts.admins}</dd>
        </div>
        <div>
          <dt>Access turned off</dt>
          <dd>{counts.disabled}</dd>
        </div>
      </dl>
      <section className="card" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <p>Each team’s name, time zone, travel time around visits, reminders and minimum notice for new meetings.</p>
        <p className="link-row">
          <Link href="/admin/teams">See all teams</Link>
          <Link href="/admin/teams/new">Add a team</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="practitioners-heading">
        <h2 id="practitioners-heading">Practitioners</h2>
        <p>
          Invite practitioners, set their discipline, teams and leads, their weekly working hours and their absences,
          and turn sign-in on or off.
        </p>
        <p className="link-row">
          <Link href="/admin/practitioners">See all practitioners</Link>
          <Link href="/admin/practitioners/invite">Invite a practitioner</Link>
        </p>
      </section>
    </>
  );
}
