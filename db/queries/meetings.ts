import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { meetingPractitioners, meetings, people, users } from '../schema';
import { requiredPractitionersAway } from './absence-clashes';
import { DAY_MS } from '@/lib/time/units';

export type UpcomingMeeting = {
  id: string;
  personId: string;
  kind: (typeof meetings.kind.enumValues)[number];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  locationKind: (typeof meetings.locationKind.enumValues)[number];
  locationDetail: string | null;
  videoUrl: string | null;
  person: { givenName: string; familyName: string; preferredName: string | null; pronouns: string | null };
  colleagues: { name: string; discipline: (typeof users.discipline.enumValues)[number] }[];
  /** Practitioners who must be there but are away then (an absence recorded after booking); only for meetings still to start. */
  away: { name: string; you: boolean }[];
};

/**
 * A practitioner's scheduled meetings that have not ended yet, up to `until`, only on the
 * teams they belong to, with who else is coming and who must be there but is away. Three
 * queries whatever the number of meetings.
 */
export async function upcomingMeetingsForPractitioner(
  db: Db,
  scope: { userId: string; teamIds: string[] },
  window: { from: Date; until: Date; limit?: number },
): Promise<UpcomingMeeting[]> {
  if (scope.teamIds.length === 0) return [];
  const rows = await db
    .select({
      id: meetings.id,
      personId: meetings.personId,
      kind: meetings.kind,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      locationKind: meetings.locationKind,
      locationDetail: meetings.locationDetail,
      videoUrl: meetings.videoUrl,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      pronouns: people.pronouns,
    })
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .where(
      and(
        eq(meetingPractitioners.userId, scope.userId),
        eq(meetingPractitioners.active, true),
        // Busy intervals are shorter than a day, so both bounds on busy_from use the index.
        gt(meetingPractitioners.busyFrom, new Date(window.from.getTime() - DAY_MS)),
        lt(meetingPractitioners.busyFrom, window.until),
        gt(meetingPractitioners.busyTo, window.from),
        gt(meetings.endsAt, window.from),
        lt(meetings.startsAt, window.until),
        eq(meetings.status, 'scheduled'),
        inArray(meetings.teamId, scope.teamIds),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(window.limit ?? 100);
  if (rows.length === 0) return [];

  const [colleagues, away] = await Promise.all([
    db
      .select({ meetingId: meetingPractitioners.meetingId, name: users.name, discipline: users.discipline })
      .from(meetingPractitioners)
      .innerJoin(users, eq(users.id, meetingPractitioners.userId))
      .where(
        and(
          inArray(
            meetingPractitioners.meetingId,
            rows.map((r) => r.id),
          ),
          ne(meetingPractitioners.userId, scope.userId),
        ),
      )
      .orderBy(asc(users.name)),
    // A meeting under way cannot be moved any more, so only those still to start are asked about.
    requiredPractitionersAway(
      db,
      rows.filter((r) => r.startsAt > window.from).map((r) => r.id),
    ),
  ]);
  const awayByMeeting = new Map<string, UpcomingMeeting['away']>();
  for (const a of away) {
    awayByMeeting.set(a.meetingId, [
      ...(awayByMeeting.get(a.meetingId) ?? []),
      { name: a.name, you: a.userId === scope.userId },
    ]);
  }
  const byMeeting = new Map<string, UpcomingMeeting['colleagues']>();
  for (const c of colleagues) {
    byMeeting.set(c.meetingId, [...(byMeeting.get(c.meetingId) ?? []), { name: c.name, discipline: c.discipline }]);
  }
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    timeZone: r.timeZone,
    locationKind: r.locationKind,
    locationDetail: r.locationDetail,
    videoUrl: r.videoUrl,
    person: { givenName: r.givenName, familyName: r.familyName, preferredName: r.preferredName, pronouns: r.pronouns },
    colleagues: byMeeting.get(r.id) ?? [],
    away: awayByMeeting.get(r.id) ?? [],
  }));
}
