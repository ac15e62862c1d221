import type { meetingKind } from '@/db/schema/enums';
import { HOUR_MS, MINUTE_MS } from '@/lib/time/units';

type Kind = (typeof meetingKind.enumValues)[number];
type CoreRole = 'lead' | 'co_worker' | 'peer';

/** Open Dialogue's immediate help: the first meeting within 24 hours of the referral. */
export const CRISIS_HOURS = 24;

/** When the 24 hours from the referral run out. */
export function crisisDeadline(referralAt: Date): number {
  return referralAt.getTime() + CRISIS_HOURS * HOUR_MS;
}

/**
 * Where the crisis path looks for times: from now up to the 24-hour mark and two days past it,
 * so there is always something to offer, never more than three days ahead (even for a referral
 * recorded ahead of time).
 */
export function crisisSearchWindow(referralAt: Date, now: number): { start: number; end: number } {
  return { start: now, end: Math.min(Math.max(crisisDeadline(referralAt), now) + 48 * HOUR_MS, now + 72 * HOUR_MS) };
}

/** Just referred, nothing booked or held yet, within the 24 hours: the crisis path is the next step. */
export function awaitsCrisisMeeting(
  person: { status: string; referralAt: Date },
  meetingsSoFar: number,
  now: number,
): boolean {
  return person.status === 'active' && now < crisisDeadline(person.referralAt) && meetingsSoFar === 0;
}

/**
 * The first moment a meeting may start: the team's minimum notice from now, or now itself for a
 * crisis meeting, which may start at once. The slot search offers nothing earlier.
 */
export function earliestStart(kind: Kind, minimumNoticeHours: number, now: number): number {
  return now + (kind === 'crisis' ? 0 : minimumNoticeHours * HOUR_MS);
}

/**
 * Whether a chosen start breaks that notice when it is saved. A minute's grace covers the time
 * between choosing a slot and saving it.
 */
export function isTooSoon(start: number, kind: Kind, minimumNoticeHours: number, now: number): boolean {
  return start < earliestStart(kind, minimumNoticeHours, now) - MINUTE_MS;
}

/**
 * The two who go to a crisis meeting become the core team, unless they already are in it: a
 * peer support worker as the peer, the first other practitioner as the lead when there is none
 * yet, and otherwise as a co-worker.
 */
export function crisisCoreTeamRoles(
  current: readonly { userId: string; role: CoreRole }[],
  chosen: readonly { id: string; isPeer: boolean }[],
): { userId: string; role: CoreRole }[] {
  let hasLead = current.some((a) => a.role === 'lead');
  const roles: { userId: string; role: CoreRole }[] = [];
  for (const p of chosen) {
    if (current.some((a) => a.userId === p.id)) continue;
    const role: CoreRole = p.isPeer ? 'peer' : hasLead ? 'co_worker' : 'lead';
    hasLead ||= role === 'lead';
    roles.push({ userId: p.id, role });
  }
  return roles;
}
