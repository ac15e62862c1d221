import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  fidelityRatings,
  meetingAttendance,
  meetingRecords,
  meetings,
  teams,
  type FidelityElement,
  presentValues,
} from '../schema';
import type { PersonRef } from './people';

export type FidelityRatingRow = { element: FidelityElement; score: number | null; note: string | null };

/** The meeting as its rating needs it: the person's, on their team. */
export async function meetingToRate(db: Db, person: PersonRef, meetingId: string) {
  const [row] = await db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      status: meetings.status,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
    })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.personId, person.id), eq(meetings.teamId, person.teamId)))
    .limit(1);
  return row;
}

/** One rater's own ratings of a meeting (none until they rate it). */
export async function ratingsBy(db: Db, meetingId: string, raterId: string): Promise<FidelityRatingRow[]> {
  return db
    .select({ element: fidelityRatings.element, score: fidelityRatings.score, note: fidelityRatings.note })
    .from(fidelityRatings)
    .where(and(eq(fidelityRatings.meetingId, meetingId), eq(fidelityRatings.raterId, raterId)));
}

/** Saves a rater's ratings of a meeting, replacing what they rated before for the same elements. */
export async function upsertRatings(
  tx: Db,
  meetingId: string,
  raterId: string,
  ratings: readonly FidelityRatingRow[],
): Promise<void> {
  if (ratings.length === 0) return;
  await tx
    .insert(fidelityRatings)
    .values(ratings.map((r) => ({ meetingId, raterId, element: r.element, score: r.score, note: r.note })))
    .onConflictDoUpdate({
      target: [fidelityRatings.meetingId, fidelityRatings.raterId, fidelityRatings.element],
      set: { score: sql`excluded.score`, note: sql`excluded.note`, ratedAt: sql`now()` },
    });
}

/** How many practitioners and network members came to a meeting, as recorded. */
export async function whoCameCounts(
  db: Db,
  meetingId: string,
): Promise<{ practitioners: number; networkMembers: number }> {
  const [row] = await db
    .select({
      practitioners: sql<number>`(count(*) filter (where ${meetingAttendance.userId} is not null))::int`,
      networkMembers: sql<number>`(count(*) filter (where ${meetingAttendance.networkMemberId} is not null))::int`,
    })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), inArray(meetingAttendance.presence, [...presentValues])));
  return { practitioners: Number(row?.practitioners ?? 0), networkMembers: Number(row?.networkMembers ?? 0) };
}

/**
 * Whether the meeting's latest record version says reflections were held: null when there is
 * no record, it does not say, or the record was entered in error.
 */
export async function latestReflectionsHeld(db: Db, meetingId: string): Promise<boolean | null> {
  const [row] = await db
    .select({
      held: sql<boolean | null>`(${meetingRecords.content} -> 'reflections' ->> 'held')::boolean`,
      enteredInError: sql<boolean>`${meetingRecords.enteredInErrorReason} is not null`,
    })
    .from(meetingRecords)
    .where(eq(meetingRecords.meetingId, meetingId))
    .orderBy(desc(meetingRecords.version))
    .limit(1);
  if (!row || row.enteredInError) return null;
  return row.held ?? null;
}

export type FidelityTrendRow = { month: string; element: FidelityElement; score: number | null; ratings: number };

/**
 * The team's own trend: per month (in the team's time zone) and element, how many ratings gave
 * each score (null: not applicable). Counts only, never who rated what.
 */
export async function teamFidelityTrend(db: Db, teamId: string, since?: Date): Promise<FidelityTrendRow[]> {
  const month = sql<string>`to_char(${meetings.startsAt} at time zone ${teams.timeZone}, 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      element: fidelityRatings.element,
      score: fidelityRatings.score,
      ratings: sql<number>`count(*)::int`,
    })
    .from(fidelityRatings)
    .innerJoin(meetings, eq(meetings.id, fidelityRatings.meetingId))
    .innerJoin(teams, eq(teams.id, meetings.teamId))
    .where(and(eq(meetings.teamId, teamId), since ? gte(meetings.startsAt, since) : undefined))
    .groupBy(month, fidelityRatings.element, fidelityRatings.score)
    .orderBy(asc(month), asc(fidelityRatings.element), asc(fidelityRatings.score));
  return rows.map((r) => ({ ...r, ratings: Number(r.ratings) }));
}
