import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/admin/breadcrumbs';
import { ButtonForm } from '@/components/ui/button-form';
import { MembershipForm } from '@/components/admin/membership-form';
import { PractitionerDetailsForm } from '@/components/admin/practitioner-details-form';
import { StatusTag } from '@/components/admin/status-tag';
import { getDb } from '@/db/connection';
import { bookedMeetingsDuring } from '@/db/queries/absence-clashes';
import { findPractitioner } from '@/db/queries/practitioners';
import { teamChoices } from '@/db/queries/teams';
import { absencesOf, workingPatternOf } from '@/db/queries/working-time';
import { isId } from '@/lib/admin/input-fields';
import { absenceReasonNames } from '@/lib/admin/labels';
import { timeZoneOptions } from '@/lib/admin/time-zone';
import { zoneLabel } from '@/lib/admin/zone-label';
import { requireAllowed } from '@/lib/auth/session';
import { describeDays, intervalToWholeDays } from '@/lib/working-time/absence-days';
import { accessOffNotice } from '@/lib/working-time/away-from-meetings';
import { clockLabel, weekdays, weeklyMinutes } from '@/lib/working-time/weekly-pattern';
import {
  addMembershipAction,
  newLinkAction,
  removeMembershipAction,
  setAccessAction,
  setLeadAction,
  updateDetailsAction,
} from '../actions';
import { DAY_MS } from '@/lib/time/units';

export const metadata: Metadata = { title: 'Practitioner' };

/** How far ahead the meetings of someone whose access is off are looked for (series reach 12 weeks). */
const BOOKED_HORIZON_MS = 2 * 365 * DAY_MS;

function hours(minutes: number): string {
  const h = minutes / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} ${h === 1 ? 'hour' : 'hours'}`;
}

export default async function PractitionerPage({ params }: PageProps<'/admin/practitioners/[userId]'>) {
  const admin = await requireAllowed('manage', { kind: 'administration' });
  const { userId } = await params;
  if (!isId(userId)) notFound();
  const db = await getDb();
  const practitioner = await findPractitioner(db, userId);
  if (!practitioner) notFound();
  const now = new Date();
  const [teams, pattern, absences, stillBooked] = await Promise.all([
    teamChoices(db),
    workingPatternOf(db, userId),
    absencesOf(db, userId, now),
    // Turned off but still in meetings to come: the team must move them or change who comes.
    practitioner.disabledAt
      ? bookedMeetingsDuring(db, { userId, startsAt: now, endsAt: new Date(now.getTime() + BOOKED_HORIZON_MS), now })
      : [],
  ]);
  const accessOff = accessOffNotice(practitioner.name, stillBooked);
  const otherTeams = teams.filter((t) => !practitioner.memberships.some((m) => m.teamId === t.id));
  const isSelf = admin.id === practitioner.id;
  const zone = zoneLabel(practitioner.timeZone, now);

  return (
    <>
      <Breadcrumbs
        trail={[
          { href: '/admin', label: 'Administration' },
          { href: '/admin/practitioners', label: 'Practitioners' },
        ]}
      />
      <div className="page-head">
        <h1>{practitioner.name}</h1>
        <StatusTag status={practitioner.status} />
      </div>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <PractitionerDetailsForm
          action={updateDetailsAction}
          practitioner={{
            id: practitioner.id,
            name: practitioner.name,
            email: practitioner.email,
            discipline: practitioner.discipline,
            role: practitioner.role,
            timeZone: practitioner.timeZone,
          }}
          zones={timeZoneOptions(practitioner.timeZone)}
        />
      </section>

      <section className="card" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        {practitioner.memberships.length === 0 ? (
          <p className="muted">Not on any team yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{practitioner.name}’s teams</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Lead</th>
                  <th scope="col">
                    <span className="visually-hidden">Changes</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {practitioner.memberships.map((m) => (
                  <tr key={m.teamId}>
                    <th scope="row">
                      <Link href={`/admin/teams/${m.teamId}`}>{m.teamName}</Link>
                    </th>
                    <td>{m.lead ? 'Yes' : 'No'}</td>
                    <td>
                      <div className="row-actions">
                        <ButtonForm
                          action={setLeadAction}
                          fields={{ userId, teamId: m.teamId, lead: m.lead ? 'false' : 'true' }}
                          label={m.lead ? `No longer lead of ${m.teamName}` : `Make lead of ${m.teamName}`}
                          quiet
                        />
                        <ButtonForm
                          action={removeMembershipAction}
                          fields={{ userId, teamId: m.teamId }}
                          label={`Remove from ${m.teamName}`}
                          quiet
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <MembershipForm action={addMembershipAction} userId={userId} teams={otherTeams} />
      </section>

      <section className="card" aria-labelledby="pattern-heading">
        <h2 id="pattern-heading">Working pattern</h2>
        <p className="muted">In {zone}.</p>
        {pattern.length === 0 ? (
          <p>No working hours yet, so they will not be offered for meetings.</p>
        ) : (
          <>
            <ul className="plain-list">
              {weekdays
                .filter(({ iso }) => pattern.some((w) => w.weekday === iso))
                .map(({ iso, name }) => (
                  <li key={iso}>
                    <strong>{name}</strong>{' '}
                    {pattern
                      .filter((w) => w.weekday === iso)
                      .map((w) => `${clockLabel(w.startMinute)}–${clockLabel(w.endMinute)}`)
                      .join(', ')}
                  </li>
                ))}
            </ul>
            <p>{hours(weeklyMinutes(pattern))} a week.</p>
          </>
        )}
        <p>
          <Link href={`/admin/practitioners/${userId}/working-pattern`}>Change the working pattern</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="absences-heading">
        <h2 id="absences-heading">Absences</h2>
        {absences.length === 0 ? (
          <p>No absences now or ahead.</p>
        ) : (
          <ul className="plain-list">
            {absences.slice(0, 5).map((a) => {
              const days = intervalToWholeDays(a.startsAt, a.endsAt, practitioner.timeZone);
              return (
                <li key={a.id}>
                  {absenceReasonNames[a.reason]}: {describeDays(days.firstDay, days.lastDay)}
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <Link href={`/admin/practitioners/${userId}/absences`}>See and change absences</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="access-heading">
        <h2 id="access-heading">Sign-in</h2>
        {practitioner.disabledAt ? (
          <>
            <p>
              Their access is turned off: they cannot sign in, and any open session has ended. Their records and history
              stay.
            </p>
            {accessOff ? (
              <div className="alert alert-warning" role="note">
                {accessOff.sentence}
                <ul className="warning-list">
                  {accessOff.meetings.map((m) => (
                    <li key={m.href}>
                      <Link href={m.href}>{m.text}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <ButtonForm action={setAccessAction} fields={{ userId, access: 'enable' }} label="Turn access back on" />
          </>
        ) : (
          <>
            <p>
              {practitioner.status === 'invited'
                ? 'They have not chosen a password yet. If their link is lost or too old, make a new one; the old one stops working.'
                : 'They can sign in. If they have forgotten their password, make a new set-password link for them.'}
            </p>
            <ButtonForm
              action={newLinkAction}
              fields={{ userId }}
              label="Make a new set-password link"
              quiet
              linkLabel="New set-password link"
            />
            {isSelf ? (
              <p className="muted">You cannot turn off your own access.</p>
            ) : (
              <>
                <p>Turning access off ends their sign-in at once. You can turn it back on later.</p>
                <ButtonForm
                  action={setAccessAction}
                  fields={{ userId, access: 'disable' }}
                  label="Turn off access"
                  quiet
                />
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
