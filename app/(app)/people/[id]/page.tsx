import type { Metadata } from 'next';
import Link from 'next/link';
import { PersonContinuitySection } from '@/components/continuity/person-continuity';
import { CoreTeamWarnings } from '@/components/people/core-team-warnings';
import { NetworkMap } from '@/components/people/network-map';
import { PersonMeetings } from '@/components/people/person-meetings';
import { StatusForm } from '@/components/people/status-form';
import { coreTeamHistory } from '@/db/queries/core-team';
import { listNetwork } from '@/db/queries/network';
import { personMeetings } from '@/db/queries/people';
import { continuitySettings } from '@/db/queries/continuity';
import { latestRecordsOfPerson } from '@/db/queries/records';
import { periodOf, periodStart } from '@/lib/continuity/period';
import { overdueForFlag, personContinuity } from '@/lib/continuity/person';
import { isOverdue, openItems } from '@/lib/records/content';
import { namesLeftOut } from '@/lib/scheduling/left-out';
import { leftOutSentence } from '@/lib/scheduling/series';
import { disciplineLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { minutesToTime } from '@/lib/people/contact';
import { coreTeamWarnings, currentCoreTeam } from '@/lib/people/core-team';
import {
  channelLabel,
  closenessLabel,
  coreRoleLabel,
  inviteeVisibilitySummary,
  kindLabel,
  relationshipLabel,
  weekdayLabel,
} from '@/lib/people/labels';
import { longDate, timeOfDay } from '@/lib/time/format';
import { todayIn, toLocalInput } from '@/lib/time/zoned';
import { changeStatusAction } from '../actions';
import { awaitsCrisisMeeting } from '@/lib/scheduling/rules';
import { HOUR_MS } from '@/lib/time/units';

export const metadata: Metadata = { title: 'Person' };

function hoursAgo(ms: number): string {
  const hours = Math.floor(ms / HOUR_MS);
  return hours < 1 ? 'less than an hour ago' : hours === 1 ? 'an hour ago' : `${hours} hours ago`;
}

export default async function PersonPage({ params, searchParams }: PageProps<'/people/[id]'>) {
  const { id } = await params;
  const { booked, without, period: periodParam } = await searchParams;
  const { db, person } = await openPersonRecord(id, 'person');
  const zone = person.teamTimeZone;
  const [network, history, meetings, notAdded, records, settings] = await Promise.all([
    listNetwork(db, person.id),
    coreTeamHistory(db, person.id),
    personMeetings(db, person.id, person.teamId),
    booked ? namesLeftOut(db, person.teamId, without) : [],
    latestRecordsOfPerson(db, person.id),
    continuitySettings(db, person.teamId).then((s) => s!),
  ]);
  const open = openItems(records);
  const today = todayIn(zone);
  const now = new Date();
  const period = periodOf(periodParam);
  const overdue = open.actions.filter((a) => isOverdue(a.byWhen, today)).length;
  const continuity = await personContinuity(db, person, {
    thresholds: settings,
    now,
    today,
    overdueActions: overdueForFlag(records, today, now),
  });
  const name = personDisplayName(person);
  const current = currentCoreTeam(history, todayIn(zone));
  const warnings = person.status === 'active' ? coreTeamWarnings(current) : [];
  const members = network.filter((m) => m.active);
  const former = network.filter((m) => !m.active);
  const prefs = person.meetingPreferences;
  const bookedCount = typeof booked === 'string' && /^\d{1,2}$/.test(booked) ? Number(booked) : 1;
  const waitingForFirst = awaitsCrisisMeeting(person, meetings.upcoming.length + meetings.past.length, now.getTime());

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › {name}
      </nav>
      <div className="person-head">
        <h1>
          {name}
          {person.pronouns ? <span className="muted"> ({person.pronouns})</span> : null}
        </h1>
        <div className="form-actions">
          <span className="tag">{person.status === 'active' ? 'Active' : 'Discharged'}</span>
          <Link className="button button-quiet" href={`/people/${person.id}/edit`}>
            Edit details
          </Link>
        </div>
      </div>

      <section className="card" id="network" aria-labelledby="network-heading">
        <div className="section-head">
          <h2 id="network-heading">Network</h2>
          <Link className="button" href={`/people/${person.id}/network/new`}>
            Add someone
          </Link>
        </div>
        {members.length === 0 ? (
          <p className="muted">
            No one is recorded yet. Ask {person.givenName} who matters in their life and who they would like in
            meetings.
          </p>
        ) : (
          <div className="network">
            <NetworkMap
              personName={name}
              members={members.map((m) => ({
                id: m.id,
                name: m.givenName,
                relationship: m.relationship,
                kind: m.kind,
                closeness: m.closeness,
                mayBeInvited: m.mayBeInvited,
              }))}
            />
            <ul className="member-list" aria-label="People in the network">
              {members.map((m) => (
                <li key={m.id}>
                  <Link className="who" href={`/people/${person.id}/network/${m.id}`}>
                    {m.givenName} {m.familyName ?? ''}
                  </Link>{' '}
                  · {relationshipLabel[m.relationship]} · {kindLabel[m.kind]} · {closenessLabel[m.closeness]}
                  <br />
                  <span className="muted">
                    {m.mayBeInvited ? 'May be invited' : 'Not to be invited'} ·{' '}
                    {m.maySeeSharedRecords ? 'May see shared records' : 'Does not see records'} · prefers{' '}
                    {channelLabel[m.preferredChannel].toLowerCase()}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {former.length > 0 ? (
          <details>
            <summary>No longer in the network ({former.length})</summary>
            <ul className="member-list">
              {former.map((m) => (
                <li key={m.id}>
                  <Link href={`/people/${person.id}/network/${m.id}`}>
                    {m.givenName} {m.familyName ?? ''}
                  </Link>{' '}
                  · {relationshipLabel[m.relationship]}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section className="card" aria-labelledby="core-heading">
        <div className="section-head">
          <h2 id="core-heading">Core team</h2>
          <Link className="button button-quiet" href={`/people/${person.id}/core-team`}>
            Change the core team
          </Link>
        </div>
        <CoreTeamWarnings warnings={warnings} />
        {current.length === 0 ? (
          <p className="muted">No one is on the core team now.</p>
        ) : (
          <ul className="member-list" aria-label="Current core team">
            {current.map((a) => (
              <li key={a.id}>
                <span className="who">{a.name}</span> · {coreRoleLabel[a.role]} · {disciplineLabel[a.discipline]}{' '}
                <span className="muted">· since {a.startsOn}</span>
                {a.accessOff ? <span className="tag tag-warning">access turned off</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="meetings-heading">
        <div className="section-head">
          <h2 id="meetings-heading">Meetings</h2>
          <p className="link-row">
            <Link className="button button-quiet" href={`/people/${person.id}/meetings/crisis`}>
              Crisis meeting
            </Link>
            <Link className="button" href={`/people/${person.id}/meetings/new`}>
              Book a meeting
            </Link>
          </p>
        </div>
        {waitingForFirst ? (
          <div className="alert alert-warning" role="status">
            Referred {hoursAgo(now.getTime() - person.referralAt.getTime())}, with nothing booked yet.{' '}
            <Link href={`/people/${person.id}/meetings/crisis`}>
              Find two practitioners for a first meeting within 24 hours
            </Link>
            .
          </div>
        ) : null}
        {booked ? (
          <div className="alert alert-success" role="status">
            {bookedCount === 1 ? 'The meeting is booked. It is' : `${bookedCount} meetings are booked. They are`} on the
            calendars of everyone from the team who is coming. {leftOutSentence(notAdded, bookedCount)}
          </div>
        ) : null}
        <PersonMeetings
          personId={person.id}
          title="Coming up"
          tableLabel="Meetings to come"
          meetings={meetings.upcoming}
          empty="Nothing booked."
        />
        <PersonMeetings
          personId={person.id}
          title="Before"
          tableLabel="Past meetings"
          meetings={meetings.past}
          empty="No meetings yet."
        />
      </section>

      <section className="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open actions and questions</h2>
        {meetings.past.some((m) => m.status === 'scheduled') ? (
          <p>
            To record:{' '}
            {meetings.past
              .filter((m) => m.status === 'scheduled')
              .map((m, n) => (
                <span key={m.id}>
                  {n > 0 ? ', ' : ''}
                  <Link href={`/people/${person.id}/meetings/${m.id}/attendance`}>
                    the meeting of {longDate(m.startsAt, zone)}
                  </Link>
                </span>
              ))}
          </p>
        ) : null}
        {open.actions.length === 0 && open.questions.length === 0 ? (
          <p className="muted">Nothing open from the records of earlier meetings.</p>
        ) : (
          <>
            {open.actions.length > 0 ? (
              <>
                <h3>Actions</h3>
                <ul>
                  {open.actions.map((a, n) => (
                    <li key={n}>
                      <strong>{a.who}</strong>: {a.what}
                      {a.byWhen ? ` (by ${a.byWhen})` : ''}
                      {isOverdue(a.byWhen, today) ? <span className="tag tag-warning"> Overdue</span> : null}{' '}
                      <Link href={`/people/${person.id}/meetings/${a.meetingId}/record`}>
                        from {longDate(a.meetingStartsAt, zone)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {open.questions.length > 0 ? (
              <>
                <h3>Still open</h3>
                <ul>
                  {open.questions.map((q, n) => (
                    <li key={n}>
                      {q.question}
                      {q.revisitOn ? ` (come back to it by ${q.revisitOn})` : ''}
                      {isOverdue(q.revisitOn, today) ? <span className="tag tag-warning"> Overdue</span> : null}{' '}
                      <Link href={`/people/${person.id}/meetings/${q.meetingId}/record`}>
                        from {longDate(q.meetingStartsAt, zone)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </section>

      <PersonContinuitySection
        personId={person.id}
        personName={person.givenName}
        referralAt={person.referralAt}
        timeZone={zone}
        continuity={continuity}
        members={network.map((m) => ({
          id: m.id,
          // As the person allows: first names, or only initials when they keep names private.
          label:
            person.inviteesSeeEachOther === 'names'
              ? m.givenName
              : `${m.givenName.slice(0, 1)}.${m.familyName ? ` ${m.familyName.slice(0, 1)}.` : ''}`,
        }))}
        thresholds={settings}
        period={period}
        from={periodStart(period, now)}
        now={now}
        actions={{ open: open.actions.length, overdue }}
      />

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="facts">
          <dt>Date of birth</dt>
          <dd>{person.dateOfBirth ?? 'Not recorded'}</dd>
          <dt>Phone</dt>
          <dd>{person.phone ?? 'Not recorded'}</dd>
          <dt>Email</dt>
          <dd>{person.email ?? 'Not recorded'}</dd>
          <dt>Address</dt>
          <dd>{person.address ?? 'Not recorded'}</dd>
          <dt>Places that suit them</dt>
          <dd>{person.preferredPlaces ?? 'Not recorded'}</dd>
          <dt>Days and hours</dt>
          <dd>
            {prefs
              ? `${prefs.weekdays.length ? prefs.weekdays.map((d) => weekdayLabel[d]).join(', ') : 'Any day'}, ${minutesToTime(prefs.fromMinute)}–${minutesToTime(prefs.toMinute)}`
              : 'Not recorded'}
          </dd>
          <dt>Accessibility</dt>
          <dd>{person.accessibilityNeeds ?? 'None recorded'}</dd>
          <dt>Interpreter</dt>
          <dd>{person.interpreterLanguage ?? 'Not needed'}</dd>
          <dt>Who else is invited</dt>
          <dd>
            Network members invited to a meeting see: {inviteeVisibilitySummary[person.inviteesSeeEachOther]}.{' '}
            {person.givenName} always sees everyone invited.
          </dd>
          <dt>Referral</dt>
          <dd>
            {longDate(person.referralAt, zone)} at {timeOfDay(person.referralAt, zone)}
            {person.firstContactName ? `, first contact by ${person.firstContactName}` : ''}
          </dd>
          <dt>Team</dt>
          <dd>{person.teamName}</dd>
          {person.dischargedAt ? (
            <>
              <dt>Discharged</dt>
              <dd>{longDate(person.dischargedAt, zone)}</dd>
            </>
          ) : null}
        </dl>
        <h3>{person.status === 'active' ? 'Discharge' : 'Refer again'}</h3>
        <StatusForm
          action={changeStatusAction}
          personId={person.id}
          status={person.status}
          nowLocal={toLocalInput(new Date(), zone)}
          zoneName={zone}
          hasMeetingsToCome={meetings.upcoming.length > 0}
        />
        <p>
          <Link href={`/people/${person.id}/access`}>Who has looked at this record</Link>
        </p>
      </section>
    </>
  );
}
