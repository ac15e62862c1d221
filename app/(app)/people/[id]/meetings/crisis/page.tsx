import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CrisisForm, type CrisisChoice } from '@/components/scheduling/crisis-form';
import { coreTeamHistory, teamPractitioners } from '@/db/queries/core-team';
import { inviteOptions } from '@/db/queries/invitations';
import { loadCalendars, teamSchedulingSettings } from '@/db/queries/scheduling';
import { inviteeOptions } from '@/lib/invitations/options';
import { locationKind } from '@/db/schema/enums';
import { disciplineLabel, locationKindLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { currentCoreTeam } from '@/lib/people/core-team';
import { travelMinutesFor } from '@/lib/scheduling/booking-input';
import { crisisOptions } from '@/lib/scheduling/crisis';
import { dayHeading, longDate, timeOfDay, timeRange } from '@/lib/time/format';
import { todayIn } from '@/lib/time/zoned';
import { bookCrisisAction } from '../actions';
import { HOUR_MS, MINUTE_MS } from '@/lib/time/units';
import { crisisDeadline, crisisSearchWindow } from '@/lib/scheduling/rules';

export const metadata: Metadata = { title: 'Crisis meeting within 24 hours' };

const crisisSearch = z.object({
  duration: z.coerce.number().int().min(30).max(180).catch(60),
  location: z.enum(locationKind.enumValues).catch('home'),
});

function hoursAndMinutes(ms: number): string {
  const total = Math.round(Math.abs(ms) / MINUTE_MS);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return [
    hours ? `${hours} hour${hours === 1 ? '' : 's'}` : null,
    minutes || !hours ? `${minutes} minute${minutes === 1 ? '' : 's'}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The crisis path: the first meeting within 24 hours of the referral, looking across the whole
 * team for two free practitioners, a peer support worker preferred.
 */
export default async function CrisisPage({ params, searchParams }: PageProps<'/people/[id]/meetings/crisis'>) {
  const { id } = await params;
  const search = crisisSearch.parse(await searchParams);
  const { db, person } = await openPersonRecord(id, 'crisis');
  const [settings, staff, history] = await Promise.all([
    teamSchedulingSettings(db, person.teamId),
    teamPractitioners(db, person.teamId),
    coreTeamHistory(db, person.id),
  ]);
  const zone = settings?.timeZone ?? person.teamTimeZone;
  const now = new Date();
  const deadline = crisisDeadline(person.referralAt);
  const left = deadline - now.getTime();
  const core = currentCoreTeam(history, todayIn(zone)).map((a) => a.userId);
  const travelMinutes = travelMinutesFor(search.location, settings?.travelBufferMinutes ?? 0);
  const window = crisisSearchWindow(person.referralAt, now.getTime());
  const calendars = await loadCalendars(db, {
    teamId: person.teamId,
    userIds: staff.map((s) => s.id),
    window,
    coreUserIds: core,
  });
  const options = crisisOptions({
    team: calendars,
    window,
    durationMinutes: search.duration,
    travelMinutes,
    earliestStart: now.getTime(),
    deadline,
    limit: 8,
  });
  const discipline = new Map(staff.map((s) => [s.id, s.discipline]));
  const choices: CrisisChoice[] = options.map((o) => ({
    value: `${new Date(o.start).toISOString()}|${o.pair[0].id},${o.pair[1].id}`,
    day: dayHeading(new Date(o.start), now, zone),
    time: timeRange(new Date(o.start), new Date(o.end), zone),
    who: o.pair.map((p) => `${p.name} (${disciplineLabel[discipline.get(p.id)!]})`).join(' and '),
    notes: [
      o.beforeDeadline ? null : 'after the 24-hour mark',
      o.peerIncluded ? null : 'no peer worker free',
      o.pair.some((p) => p.isCore) ? 'core team' : null,
    ].filter((n): n is string => n !== null),
  }));
  const name = personDisplayName(person);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> › Crisis meeting
      </nav>
      <h1>Crisis meeting with {person.givenName} within 24 hours</h1>
      <div className={left > 0 ? 'alert alert-warning' : 'alert alert-error'} role="status">
        Referred {longDate(person.referralAt, zone)} at {timeOfDay(person.referralAt, zone)}.{' '}
        {left > 0 ? (
          <strong>
            {hoursAndMinutes(left)} left to the 24-hour mark ({dayHeading(new Date(deadline), now, zone)}{' '}
            {timeOfDay(new Date(deadline), zone)}).
          </strong>
        ) : (
          <strong>The 24-hour mark passed {hoursAndMinutes(left)} ago: meet as soon as you can.</strong>
        )}
      </div>
      <form className="card form" method="get" aria-label="Length and place">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="duration">Length</label>
            <select id="duration" name="duration" defaultValue={String(search.duration)}>
              {[60, 90, 120].map((m) => (
                <option key={m} value={m}>
                  {m} minutes
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="location">Where</label>
            <select id="location" name="location" defaultValue={search.location}>
              {Object.entries(locationKindLabel).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button className="button button-quiet" type="submit">
            Find two free practitioners
          </button>
          <span className="muted">
            The whole team, {staff.length} practitioners. Times in {zone}.
            {travelMinutes ? ` ${travelMinutes} minutes of travel kept free either side.` : ''}
          </span>
        </div>
      </form>
      {choices.length === 0 ? (
        <div className="alert alert-warning" role="status">
          <p>
            No two practitioners of the team are free together in the next{' '}
            {Math.round((window.end - window.start) / HOUR_MS)} hours within their working hours.
          </p>
          <p>
            Call the team lead, or{' '}
            <Link href={`/people/${person.id}/meetings/new?kind=crisis`}>choose practitioners and a wider window</Link>.
          </p>
        </div>
      ) : (
        <div className="card">
          <CrisisForm
            action={bookCrisisAction}
            location={search.location}
            defaultDetail={search.location === 'home' ? (person.address ?? '') : ''}
            choices={choices}
            invitees={inviteeOptions(await inviteOptions(db, person.id))}
            coreTeamLabel={`The two who go become ${person.givenName}'s core team`}
            hidden={{ personId: person.id, duration: String(search.duration), location: search.location }}
          />
        </div>
      )}
    </>
  );
}
