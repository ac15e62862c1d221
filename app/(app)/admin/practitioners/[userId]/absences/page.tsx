import type { Metadata } from 'next';
import { subDays } from 'date-fns';
import { notFound } from 'next/navigation';
import { AbsenceForm } from '@/components/admin/absence-form';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { ButtonForm } from '@/components/ui/button-form';
import { getDb } from '@/db/connection';
import { findPractitioner } from '@/db/queries/practitioners';
import { absencesOf } from '@/db/queries/working-time';
import { isId } from '@/lib/admin/input-fields';
import { absenceReasonNames } from '@/lib/admin/labels';
import { zoneLabel } from '@/lib/admin/zone-label';
import { requireAllowed } from '@/lib/auth/session';
import { describeDays, intervalToWholeDays } from '@/lib/working-time/absence-days';
import { addAbsenceAction, removeAbsenceAction } from './actions';

export const metadata: Metadata = { title: 'Absences' };

/** Past absences stay listed for a while, so a mistake can still be seen and put right. */
const PAST_DAYS_SHOWN = 90;

export default async function AbsencesPage({ params }: PageProps<'/admin/practitioners/[userId]/absences'>) {
  await requireAllowed('manage', { kind: 'administration' });
  const { userId } = await params;
  if (!isId(userId)) notFound();
  const db = await getDb();
  const practitioner = await findPractitioner(db, userId);
  if (!practitioner) notFound();
  const now = new Date();
  const absences = await absencesOf(db, userId, subDays(now, PAST_DAYS_SHOWN));
  const zone = practitioner.timeZone;
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/admin', label: 'Administration' },
          { href: '/admin/practitioners', label: 'Practitioners' },
          { href: `/admin/practitioners/${userId}`, label: practitioner.name },
        ]}
      />
      <h1>{practitioner.name}’s absences</h1>
      <p>
        Leave, training, sickness and other days away. Meetings are not offered on these days. Dates are in{' '}
        {zoneLabel(zone, now)}.
      </p>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Recorded absences</h2>
        {absences.length === 0 ? (
          <div className="empty">
            <p>None in the last {PAST_DAYS_SHOWN} days or ahead.</p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">
                Absences from {PAST_DAYS_SHOWN} days ago onwards, earliest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Days</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Note</th>
                  <th scope="col">
                    <span className="visually-hidden">Changes</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {absences.map((a) => {
                  const days = intervalToWholeDays(a.startsAt, a.endsAt, zone);
                  const when = describeDays(days.firstDay, days.lastDay);
                  return (
                    <tr key={a.id}>
                      <th scope="row">
                        {when}
                        {a.endsAt <= now ? (
                          <span className="tag">Past</span>
                        ) : a.startsAt <= now ? (
                          <span className="tag">Now</span>
                        ) : null}
                      </th>
                      <td>{absenceReasonNames[a.reason]}</td>
                      <td>{a.note ?? <span className="muted">None</span>}</td>
                      <td>
                        <div className="row-actions">
                          <ButtonForm
                            action={removeAbsenceAction}
                            fields={{ userId, absenceId: a.id }}
                            label={`Remove ${when}`}
                            quiet
                          />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card add-section" aria-labelledby="add-heading">
        <h2 id="add-heading">Add an absence</h2>
        <AbsenceForm action={addAbsenceAction} userId={userId} zoneLabel={zoneLabel(zone, now)} />
      </section>
    </>
  );
}
