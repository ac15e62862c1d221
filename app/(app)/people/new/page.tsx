import type { Metadata } from 'next';
import Link from 'next/link';
import { PersonForm } from '@/components/people/person-form';
import { getDb } from '@/db/connection';
import { teamPractitioners } from '@/db/queries/core-team';
import { requireUser } from '@/lib/auth/session';
import { toLocalInput } from '@/lib/time/zoned';
import { createPersonAction } from '../actions';

export const metadata: Metadata = { title: 'Add a person' };

export default async function NewPersonPage() {
  const user = await requireUser();
  const first = user.memberships[0];
  if (!first) {
    return (
      <>
        <h1>Add a person</h1>
        <div className="empty">
          <p>
            You are not on a team yet, so there is no caseload to add to. Ask an administrator to add you to your team.
          </p>
        </div>
      </>
    );
  }
  const practitioners = await teamPractitioners(await getDb(), first.teamId);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › Add a person
      </nav>
      <h1>Add a person</h1>
      <p className="muted">Only the names and the referral time are needed now; the rest can wait.</p>
      <PersonForm
        action={createPersonAction}
        submitLabel="Add to the caseload"
        zoneName={first.timeZone}
        teams={user.memberships.map((m) => ({ id: m.teamId, name: m.teamName }))}
        practitioners={practitioners}
        person={{ referralAt: toLocalInput(new Date(), first.timeZone), firstContactUserId: user.id }}
      />
    </>
  );
}
