import type { Metadata } from 'next';
import { addDays } from 'date-fns';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookingForm, type SlotDay } from '@/components/scheduling/booking-form';
import { coreTeamHistory, teamPractitioners } from '@/db/queries/core-team';
import { inviteOptions, meetingInvitations } from '@/db/queries/invitations';
import { findMeeting, loadCalendars, restOfSeries, teamSchedulingSettings } from '@/db/queries/scheduling';
import { inviteeOptions } from '@/lib/invitations/options';
import { SeriesStartForm } from '@/components/scheduling/series-start-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { disciplineLabel, locationKindLabel, meetingKindLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { currentCoreTeam } from '@/lib/people/core-team';
import {
  MAX_SEARCH_DAYS,
  readSlotSearch,
  searchDays,
  travelMinutesFor,
  type SlotSearchErrors,
} from '@/lib/scheduling/booking-input';
import type { FormState } from '@/lib/actions/form-state';
import { findFreeSlots } from '@/lib/scheduling/free-slots';
import { localTime } from '@/lib/scheduling/working-hours';
import { dayHeading, localDayKey, longDate, timeRange } from '@/lib/time/format';
import { todayIn } from '@/lib/time/zoned';
import { bookMeetingAction, rescheduleMeetingAction } from '../actions';
import { DAY_MS, MINUTE_MS } from '@/lib/time/units';
import { earliestStart } from '@/lib/scheduling/rules';

export const metadata: Metadata = { title: 'Book a meeting' };

function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} minutes`;
  return `${hours} hour${hours > 1 ? 's' : ''}${rest ? ` ${rest} minutes` : ''}`;
}

function startOfDay(date: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localTime(y, m - 1, d, 0, zone);
}

export default async function BookMeetingPage({ params, searchParams }: PageProps<'/people/[id]/meetings/new'>) {
  const { id } = await params;
  const raw = await searchParams;
  const { db, person } = await openPersonRecord(id, 'book');
  const now = new Date();
  const [settings, staff, history] = await Promise.all([
    teamSchedulingSettings(db, person.teamId),
    teamPractitioners(db, person.teamId),
    coreTeamHistory(db, person.id),
  ]);
  const zone = settings?.timeZone ?? person.teamTimeZone;
  const today = todayIn(zone);
  const core = currentCoreTeam(history, today).map((a) => a.userId);
  const searched = 'required' in raw || 'optional' in raw;
  const { search: parsed, fieldErrors } = readSlotSearch(raw, { from: today, to: todayIn(zone, addDays(now, 28)) });
  // Moving a booked meeting: its kind, length, place and people are the starting point.
  const moving = parsed.meeting ? await findMeeting(db, person.id, parsed.meeting) : undefined;
  if (parsed.meeting && (!moving || moving.status !== 'scheduled')) notFound();
  const movingIds = moving
    ? parsed.scope === 'rest' && moving.seriesId
      ? (await restOfSeries(db, person, moving.seriesId, moving.startsAt)).map((m) => m.id)
      : [moving.id]
    : [];
  const search =
    moving && !searched
      ? {
          ...parsed,
          kind: moving.kind,
          duration: Math.round((moving.endsAt.getTime() - moving.startsAt.getTime()) / MINUTE_MS),
          location: moving.locationKind,
          required: moving.practitioners.filter((p) => p.role === 'required').map((p) => p.userId),
          optional: moving.practitioners.filter((p) => p.role === 'optional').map((p) => p.userId),
        }
      : parsed;
  const staffIds = new Set(staff.map((s) => s.id));
  const required = (searched || moving ? search.required : core).filter((u) => staffIds.has(u));
  const optional = search.optional.filter((u) => staffIds.has(u) && !required.includes(u));
  const from = search.from ?? today;
  const to = search.to ?? today;
  // The count is neither shown nor used when moving a meeting.
  const problems: SlotSearchErrors = moving ? { to: fieldErrors.to } : fieldErrors;
  const refused = Boolean(problems.to ?? problems.count);
  // Never more than 12 weeks, whatever the address says; a longer window is refused above anyway.
  const windowDays = searchDays(from, to);
  const window = { start: startOfDay(windowDays.first, zone), end: startOfDay(windowDays.last, zone) + DAY_MS };
  const travelMinutes = travelMinutesFor(search.location, settings?.travelBufferMinutes ?? 0);
  const searchState: FormState = { status: refused ? 'error' : 'idle', fieldErrors: problems };
  const searching = required.length > 0 && !refused && window.end > window.start;
  const calendars = searching
    ? await loadCalendars(db, {
        teamId: person.teamId,
        userIds: [...required, ...optional],
        window,
        coreUserIds: core,
        ignoreMeetingIds: movingIds,
      })
    : [];
  const prefs = person.meetingPreferences;
  const { slots, reasons } = !searching
    ? { slots: [], reasons: [] }
    : findFreeSlots({
        required: calendars.filter((c) => required.includes(c.id)),
        optional: calendars.filter((c) => optional.includes(c.id)),
        window,
        durationMinutes: search.duration,
        travelMinutes,
        earliestStart: earliestStart(search.kind, settings?.minimumNoticeHours ?? 0, now.getTime()),
        preferences: prefs ? { ...prefs, zone } : null,
        limit: 16,
      });
  const names = new Map(staff.map((s) => [s.id, s.name.split(' ')[0]!]));
  const byDay = new Map<string, SlotDay>();
  for (const slot of [...slots].sort((a, b) => a.start - b.start)) {
    const start = new Date(slot.start);
    const key = localDayKey(start, zone);
    const notes = [
      slot.coreComplete ? 'whole core team' : null,
      slot.peerPresent ? 'peer worker' : null,
      slot.suitsPerson && prefs ? `suits ${person.givenName}` : null,
      slot.optionalFree.length ? `${slot.optionalFree.map((u) => names.get(u)).join(', ')} free too` : null,
    ].filter((n): n is string => n !== null);
    const choice = { start: start.toISOString(), label: timeRange(start, new Date(slot.end), zone), notes };
    const day = byDay.get(key) ?? { day: dayHeading(start, now, zone), slots: [] };
    day.slots.push(choice);
    byDay.set(key, day);
  }
  const days = [...byDay.values()];
  const name = personDisplayName(person);
  const invited = moving ? await meetingInvitations(db, moving.id) : [];
  const invitees = inviteeOptions(
    await inviteOptions(db, person.id),
    {
      person: invited.some((i) => i.networkMemberId === null && !i.revokedAt),
      memberIds: new Set(invited.flatMap((i) => (i.networkMemberId && !i.revokedAt ? [i.networkMemberId] : []))),
    },
    {
      person: invited.some((i) => i.networkMemberId === null && i.revokedAt),
      memberIds: new Set(invited.flatMap((i) => (i.networkMemberId && i.revokedAt ? [i.networkMemberId] : []))),
    },
  );
  const hidden = {
    personId: person.id,
    kind: search.kind,
    duration: String(search.duration),
    location: search.location,
    required: required.join(','),
    optional: optional.join(','),
  };
  const title = moving
    ? `Move the ${meetingKindLabel[moving.kind].toLowerCase()}${movingIds.length > 1 ? ` and the rest of its series (${movingIds.length} meetings)` : ''}`
    : `Book a meeting with ${person.givenName}`;

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> ›{' '}
        {moving ? 'Move a meeting' : 'Book a meeting'}
      </nav>
      <h1>{title}</h1>
      {moving ? (
        <p className="lede">
          Now {longDate(moving.startsAt, zone)}, {timeRange(moving.startsAt, moving.endsAt, zone)}.{' '}
          {movingIds.length > 1
            ? 'Every later meeting of the series moves by the same change of day and time; each is checked before anything changes.'
            : 'Its current time counts as free, so it can move by a little.'}
        </p>
      ) : (
        <p className="lede">
          In a crisis, <Link href={`/people/${person.id}/meetings/crisis`}>find two practitioners within 24 hours</Link>{' '}
          instead.
        </p>
      )}
      <form className="card form" method="get" aria-label="What kind of meeting">
        {moving ? (
          <>
            <input type="hidden" name="meeting" value={moving.id} />
            <input type="hidden" name="scope" value={parsed.scope} />
          </>
        ) : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor="kind">Kind of meeting</label>
            <select id="kind" name="kind" defaultValue={search.kind}>
              {Object.entries(meetingKindLabel).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="duration">Length</label>
            <select id="duration" name="duration" defaultValue={String(search.duration)}>
              {[30, 45, 60, 75, 90, 120].map((m) => (
                <option key={m} value={m}>
                  {durationLabel(m)}
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
          <TextField name="from" label="From" type="date" state={searchState} stored={from} required />
          <TextField
            name="to"
            label="Until"
            type="date"
            state={searchState}
            stored={to}
            required
            hint={`${MAX_SEARCH_DAYS / 7} weeks at most`}
          />
          {moving ? null : (
            <>
              <div className="field">
                <label htmlFor="repeat">Repeat</label>
                <select id="repeat" name="repeat" defaultValue={search.repeat}>
                  <option value="none">Just once</option>
                  <option value="daily">Every day</option>
                  <option value="weekly">Every week</option>
                </select>
              </div>
              <SelectField
                name="count"
                label="How many meetings, if it repeats"
                state={searchState}
                stored={String(search.count)}
                options={[2, 3, 4, 5, 6, 7, 8, 10, 12].map((n) => ({ value: String(n), label: String(n) }))}
                required
              />
            </>
          )}
        </div>
        <div className="table-wrap">
          <table className="data who-table">
            <caption className="visually-hidden">Who comes from the team</caption>
            <thead>
              <tr>
                <th scope="col">Practitioner</th>
                <th scope="col">Must be there</th>
                <th scope="col">Welcome to join</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name}
                    <span className="muted">
                      {' '}
                      · {disciplineLabel[s.discipline]}
                      {core.includes(s.id) ? ' · core team' : ''}
                    </span>
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      name="required"
                      value={s.id}
                      defaultChecked={required.includes(s.id)}
                      aria-label={`${s.name} must be there`}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name="optional"
                      value={s.id}
                      defaultChecked={optional.includes(s.id)}
                      aria-label={`${s.name} is welcome to join`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-actions">
          <button className="button button-quiet" type="submit">
            Find free times
          </button>
          <span className="muted">
            Times in {zone}.{travelMinutes ? ` ${travelMinutes} minutes of travel are kept free either side.` : ''}
          </span>
        </div>
      </form>

      {refused ? (
        <div className="alert alert-error" role="alert">
          Nothing was searched: change what the message beside the field asks, then find free times again.
        </div>
      ) : required.length === 0 ? (
        <div className="empty">
          <p>
            Choose at least one practitioner who must be there
            {core.length === 0 ? `: ${person.givenName} has no core team yet` : ''}.
          </p>
        </div>
      ) : slots.length === 0 ? (
        <div className="alert alert-warning" role="status">
          <p>No free time fits these dates. What is in the way:</p>
          <ul className="warning-list">
            {reasons.map((r) => (
              <li key={r.message}>{r.message}</li>
            ))}
          </ul>
          <p>Try a longer window, a shorter meeting, or fewer people who must be there.</p>
        </div>
      ) : search.repeat !== 'none' && !moving ? (
        <SeriesStartForm
          action={`/people/${person.id}/meetings/series`}
          location={search.location}
          defaultDetail={search.location === 'home' ? (person.address ?? '') : ''}
          days={days}
          hidden={{ ...hidden, repeat: search.repeat, count: String(search.count) }}
          summary={`${search.repeat === 'daily' ? 'Every day' : 'Every week'}, ${search.count} meetings, starting at the time you choose`}
        />
      ) : (
        <BookingForm
          action={moving ? rescheduleMeetingAction : bookMeetingAction}
          location={search.location}
          defaultDetail={
            moving ? (moving.locationDetail ?? '') : search.location === 'home' ? (person.address ?? '') : ''
          }
          defaultVideoUrl={moving?.videoUrl ?? ''}
          days={days}
          hidden={moving ? { ...hidden, meetingId: moving.id, scope: parsed.scope } : hidden}
          submitLabel={
            moving ? (movingIds.length > 1 ? `Move all ${movingIds.length}` : 'Move to this time') : 'Book this time'
          }
          invitees={invitees}
        />
      )}
    </>
  );
}
