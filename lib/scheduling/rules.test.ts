import { describe, expect, it } from 'vitest';
import { crisisCoreTeamRoles, crisisDeadline, earliestStart, isTooSoon } from './rules';

describe('the scheduling rules', () => {
  it('gives the crisis deadline 24 hours after the referral, whatever the clocks do', () => {
    // Referred on Saturday 24 October 2026 at 22:30 BST; London's clocks go back that night.
    expect(new Date(crisisDeadline(new Date('2026-10-24T21:30:00Z'))).toISOString()).toBe('2026-10-25T21:30:00.000Z');
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
