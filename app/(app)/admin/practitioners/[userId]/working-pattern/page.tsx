import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { WorkingPatternForm } from '@/components/admin/working-pattern-form';
import { getDb } from '@/db/connection';
import { findPractitioner } from '@/db/queries/practitioners';
import { workingPatternOf } from '@/db/queries/working-time';
import { isId } from '@/lib/admin/input-fields';
import { zoneLabel } from '@/lib/admin/zone-label';
import { requireAllowed } from '@/lib/auth/session';
import { saveWorkingPatternAction } from './actions';

export const metadata: Metadata = { title: 'Working pattern' };

export default async function WorkingPatternPage({
  params,
}: PageProps<'/admin/practitioners/[userId]/working-pattern'>) {
  await requireAllowed('manage', { kind: 'administration' });
  const { userId } = await params;
  if (!isId(userId)) notFound();
  const db = await getDb();
  const practitioner = await findPractitioner(db, userId);
  if (!practitioner) notFound();
  const windows = await workingPatternOf(db, userId);
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/admin', label: 'Administration' },
          { href: '/admin/practitioners', label: 'Practitioners' },
          { href: `/admin/practitioners/${userId}`, label: practitioner.name },
        ]}
      />
      <h1>{practitioner.name}’s working pattern</h1>
      <p>
        The hours they usually work each week. Meetings are offered only inside these hours, and not on days they are
        away. To change their time zone, edit their details.
      </p>
      <WorkingPatternForm
        action={saveWorkingPatternAction}
        userId={userId}
        windows={windows}
        zoneLabel={zoneLabel(practitioner.timeZone)}
      />
    </>
  );
}
