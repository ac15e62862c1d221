import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { PractitionerCalendar } from '@/lib/scheduling/free-slots';
import type { Interval } from '@/lib/scheduling/intervals';
import type { Db } from '../client';
import { absences, meetingPractitioners, meetings, teamMembers, teams, users, workingPatterns } from '../schema';
import { recordAudit } from './audit';

const DAY = 86_400_000;

/**
 * Each practitioner's week, absences and busy intervals in the window, for the slot search.
 * Only practitioners of the team are returned. Four queries, whatever the number of people.
 */
export async function loadCalendars(
  db: Db,
  args: { teamId: string; userIds: string[]; window: Interval; coreUserIds: string[] },
): Promise<PractitionerCalendar[]> {
  if (args.userIds.length === 0) return [];
  const from = new Date(args.window.start);
  const to = new Date(args.window.end);
  const [staff, patterns, away, busy] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, zone: users.timeZone, discipline: users.discipline })
      .from(users)
      .innerJoin(teamMembers, and(eq(teamMembers.userId, users.id), eq(teamMembers.teamId, args.teamId)))
      .where(inArray(users.id, args.userIds)),
    db
      .select({ userId: workingPatterns.userId, weekday: workingPatterns.weekday, startMinute: workingPatterns.startMinute, endMinute: workingPatterns.endMinute })
      .from(workingPatterns)
      .where(inArray(workingPatterns.userId, args.userIds)),
    db
      .select({ userId: absences.userId, start: absences.startsAt, end: absences.endsAt, reason: absences.reason })
      .from(absences)
      .where(and(inArray(absences.userId, args.userIds), lt(absences.startsAt, to), gt(absences.endsAt, from))),
    db
      .select({ userId: meetingPractitioners.userId, start: meetingPractitioners.busyFrom, end: meetingPractitioners.busyTo })
      .from(meetingPractitioners)
      .where(
        and(
          inArray(meetingPractitioners.userId, args.userIds),
          eq(meetingPractitioners.active, true),
          // Busy intervals are shorter than a day, so this lower bound lets the index do the work.
          gt(meetingPractitioners.busyFrom, new Date(args.window.start - DAY)),
          lt(meetingPractitioners.busyFrom, to),
          gt(meetingPractitioners.busyTo, from),
        ),
      ),
  ]);
  return staff.map((s) => ({
    id: s.id,
    name: s.name,
    zone: s.zone,
    isPeer: s.discipline === 'peer_support_worker',
    isCore: args.coreUserIds.includes(s.id),
    pattern: patterns.filter((p) => p.userId === s.id),
    absences: away.filter((a) => a.userId === s.id).map((a) => ({ start: a.start.getTime(), end: a.end.getTime(), reason: a.reason })),
    busy: busy.filter((b) => b.userId === s.id).map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
  }));
}

export type NewMeeting = {
  personId: string;
  teamId: string;
  kind: (typeof meetings.kind.enumValues)[number];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  locationKind: (typeof meetings.locationKind.enumValues)[number];
  locationDetail: string | null;
  videoUrl: string | null;
  travelMinutes: number;
  practitioners: { userId: string; role: 'required' | 'optional' }[];
  seriesId?: string | null;
};

/**
 * Books a meeting in one transaction. The exclusion constraint on practitioners' busy
 * intervals settles every race: if someone else took the time a moment ago, this throws
 * (SQLSTATE 23P01, which the error module turns into "that time was just taken").
 */
export async function bookMeeting(db: Db, meeting: NewMeeting, actor: { actorId: string; origin: string }): Promise<string> {
  const travel = meeting.travelMinutes * 60_000;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(meetings)
      .values({
        personId: meeting.personId,
        teamId: meeting.teamId,
        kind: meeting.kind,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        timeZone: meeting.timeZone,
        locationKind: meeting.locationKind,
        locationDetail: meeting.locationDetail,
        videoUrl: meeting.videoUrl,
        seriesId: meeting.seriesId ?? null,
        createdBy: actor.actorId,
      })
      .returning({ id: meetings.id });
    await tx.insert(meetingPractitioners).values(
      meeting.practitioners.map((p) => ({
        meetingId: row!.id,
        userId: p.userId,
        role: p.role,
        busyFrom: new Date(meeting.startsAt.getTime() - travel),
        busyTo: new Date(meeting.endsAt.getTime() + travel),
      })),
    );
    await recordAudit(tx, { actorId: actor.actorId, teamId: meeting.teamId, action: 'create', entity: 'person', entityId: meeting.personId, origin: actor.origin, detail: { meetingId: row!.id } });
    return row!.id;
  });
}

export async function teamSchedulingSettings(db: Db, teamId: string) {
  const [row] = await db
    .select({ timeZone: teams.timeZone, travelBufferMinutes: teams.travelBufferMinutes, minimumNoticeHours: teams.minimumNoticeHours })
    .from(teams)
    .where(eq(teams.id, teamId))
    .limit(1);
  return row;
}

/** One meeting of a person, with who from the team is in it. */
export async function findMeeting(db: Db, personId: string, meetingId: string) {
  const [meeting] = await db
    .select({
      id: meetings.id,
      teamId: meetings.teamId,
      kind: meetings.kind,
      status: meetings.status,
      statusReason: meetings.statusReason,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      locationKind: meetings.locationKind,
      locationDetail: meetings.locationDetail,
      videoUrl: meetings.videoUrl,
      sequence: meetings.sequence,
    })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.personId, personId)))
    .limit(1);
  if (!meeting) return undefined;
  const practitioners = await db
    .select({ name: users.name, discipline: users.discipline, role: meetingPractitioners.role })
    .from(meetingPractitioners)
    .innerJoin(users, eq(users.id, meetingPractitioners.userId))
    .where(eq(meetingPractitioners.meetingId, meeting.id))
    .orderBy(users.name);
  return { ...meeting, practitioners };
}

/**
 * Cancels a booked meeting with its reason. The database frees the practitioners' time in the
 * same statement (trigger), and the sequence is bumped so calendars replace their copy.
 */
export async function cancelMeeting(db: Db, person: { id: string; teamId: string }, meetingId: string, reason: string, actor: { actorId: string; origin: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(meetings)
      .set({ status: 'cancelled', statusReason: reason, sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, meetingId), eq(meetings.personId, person.id), eq(meetings.teamId, person.teamId), eq(meetings.status, 'scheduled')))
      .returning({ id: meetings.id });
    if (changed.length === 0) return false;
    await recordAudit(tx, { actorId: actor.actorId, teamId: person.teamId, action: 'update', entity: 'person', entityId: person.id, origin: actor.origin, detail: { meetingId, cancelled: true } });
    return true;
  });
}
