import { describe, expect, it } from 'vitest';
import {
  awaitsCrisisMeeting,
  crisisCoreTeamRoles,
  crisisDeadline,
  crisisSearchWindow,
  earliestStart,
  isTooSoon,
} from './rules';

describe('the scheduling rules', () => {
  it('gives the crisis deadline 24 hours after the referral, whatever the clocks do', () => {
    // Referred on Saturday 24 October 2026 at 22:30 BST; London's clocks go back that night.
    expect(new Date(crisisDeadline(new Date('2026-10-24T21:30:00Z'))).toISOString()).toBe('2026-10-25T21:30:00.000Z');
  });

  it('looks for crisis times up to two days past the 24-hour mark, never more than three days ahead', () => {
    const referred = new Date('2026-03-03T09:00:00Z');
    const hours = (w: { start: number; end: number }) => (w.end - w.start) / 3_600_000;
    // Referred just now: the 24 hours and two days more.
    expect(hours(crisisSearchWindow(referred, referred.getTime()))).toBe(72);
    // Ten hours later: what is left of the 24, and two days more.
    expect(hours(crisisSearchWindow(referred, referred.getTime() + 10 * 3_600_000))).toBe(62);
    // Past the mark: two days from now.
    expect(hours(crisisSearchWindow(referred, referred.getTime() + 30 * 3_600_000))).toBe(48);
    // A referral recorded ahead of time: still three days at most.
    expect(hours(crisisSearchWindow(new Date('2026-03-10T09:00:00Z'), referred.getTime()))).toBe(72);
    expect(crisisSearchWindow(referred, referred.getTime()).start).toBe(referred.getTime());
  });

  it('points to the crisis path while someone active, just referred, has had nothing booked', () => {
    const person = { status: 'active', referralAt: new Date('2026-03-03T09:00:00Z') };
    const soon = person.referralAt.getTime() + 3_600_000;
    expect(awaitsCrisisMeeting(person, 0, soon)).toBe(true);
    expect(awaitsCrisisMeeting(person, 1, soon)).toBe(false);
    expect(awaitsCrisisMeeting(person, 0, person.referralAt.getTime() + 25 * 3_600_000)).toBe(false);
    expect(awaitsCrisisMeeting({ ...person, status: 'discharged' }, 0, soon)).toBe(false);
  });

  it('offers times from the minimum notice on for every meeting but a crisis one, which may start now', () => {
    const now = Date.parse('2026-03-03T09:00:00Z');
    expect(earliestStart('network', 24, now)).toBe(Date.parse('2026-03-04T09:00:00Z'));
    expect(earliestStart('first', 2, now)).toBe(Date.parse('2026-03-03T11:00:00Z'));
    expect(earliestStart('crisis', 24, now)).toBe(now);
    expect(earliestStart('network', 0, now)).toBe(now);
  });

  it('keeps the minimum notice for every meeting but a crisis one, with a minute’s grace', () => {
    const now = Date.parse('2026-03-03T09:00:00Z');
    const inTwoHours = now + 2 * 3_600_000;
    expect(isTooSoon(inTwoHours, 'network', 24, now)).toBe(true);
    expect(isTooSoon(inTwoHours, 'crisis', 24, now)).toBe(false);
    expect(isTooSoon(now + 24 * 3_600_000 - 30_000, 'network', 24, now)).toBe(false);
    expect(isTooSoon(now + 24 * 3_600_000 - 90_000, 'first', 24, now)).toBe(true);
    expect(isTooSoon(now - 3_600_000, 'crisis', 0, now)).toBe(true);
  });

  it('makes the two who go to a crisis meeting the core team: the peer worker as peer, a lead only when there is none', () => {
    const peer = { id: 'pat', isPeer: true };
    const nurse = { id: 'ada', isPeer: false };
    const doctor = { id: 'bea', isPeer: false };
    expect(crisisCoreTeamRoles([], [peer, nurse])).toEqual([
      { userId: 'pat', role: 'peer' },
      { userId: 'ada', role: 'lead' },
    ]);
    expect(crisisCoreTeamRoles([], [nurse, doctor])).toEqual([
      { userId: 'ada', role: 'lead' },
      { userId: 'bea', role: 'co_worker' },
    ]);
    // Already a lead, and Ada already in the team: only Bea is added, as a co-worker.
    expect(crisisCoreTeamRoles([{ userId: 'ada', role: 'lead' }], [nurse, doctor])).toEqual([
      { userId: 'bea', role: 'co_worker' },
    ]);
  });
});
