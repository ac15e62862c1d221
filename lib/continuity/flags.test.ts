import { describe, expect, it } from 'vitest';
import { defaultThresholds, flagRule, flags, flagsOf, type FlagInput, type RecentMeeting } from './flags';

const now = new Date('2027-05-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const good = (d: number): RecentMeeting => ({
  startsAt: daysAgo(d),
  came: ['A', 'B'],
  coreCame: true,
  peerCame: true,
  members: 1,
});
const person = (over: Partial<FlagInput> = {}): FlagInput => ({
  status: 'active',
  referralAt: daysAgo(40),
  firstHeldAt: new Date(daysAgo(40).getTime() + 20 * 3_600_000),
  latest: [good(3), good(10), good(17), good(24)],
  unsignedRecords: 0,
  overdueActions: 0,
  ...over,
});
const of = (over: Partial<FlagInput>) => flagsOf(person(over), defaultThresholds, now);

describe('flagsOf', () => {
  it('raises nothing for a person met within a day, every week, by the same two with the network', () => {
    expect(of({})).toEqual([]);
  });

  it('a first meeting later than 24 hours after referral, or none yet after 24 hours', () => {
    expect(of({ firstHeldAt: new Date(daysAgo(40).getTime() + 25 * 3_600_000) })).toContain('late_first');
    expect(of({ firstHeldAt: new Date(daysAgo(40).getTime() + 24 * 3_600_000) })).not.toContain('late_first');
    expect(of({ firstHeldAt: null, latest: [], referralAt: daysAgo(2) })).toContain('late_first');
    expect(of({ firstHeldAt: null, latest: [], referralAt: new Date(now.getTime() - 3_600_000) })).toEqual([]);
  });

  it('no meeting for 14 days while active, and never for someone discharged', () => {
    expect(of({ latest: [good(15), good(22)] })).toContain('no_recent');
    expect(of({ latest: [good(13), good(22)] })).not.toContain('no_recent');
    expect(of({ latest: [good(15), good(22)], status: 'discharged' })).not.toContain('no_recent');
  });

  it('fewer than two practitioners at the last meeting', () => {
    expect(of({ latest: [{ ...good(3), came: ['A'] }, good(10)] })).toContain('few_practitioners');
  });

  it('no core practitioner at the last two, but not with only one meeting', () => {
    const away = (d: number) => ({ ...good(d), coreCame: false });
    expect(of({ latest: [away(3), away(10), good(17)] })).toContain('no_core');
    expect(of({ latest: [away(3), good(10)] })).not.toContain('no_core');
    expect(of({ latest: [away(3)] })).not.toContain('no_core');
  });

  it('no peer worker at the last three, and no network member at the last three', () => {
    const noPeer = (d: number) => ({ ...good(d), peerCame: false, members: 0 });
    expect(of({ latest: [noPeer(3), noPeer(10), noPeer(17)] })).toEqual(
      expect.arrayContaining(['no_peer', 'no_network']),
    );
    expect(of({ latest: [noPeer(3), noPeer(10), good(17)] })).not.toContain('no_peer');
    expect(of({ latest: [noPeer(3), noPeer(10)] })).not.toContain('no_network');
  });

  it('three or more different practitioners across the last four', () => {
    expect(of({ latest: [good(3), good(10), { ...good(17), came: ['A', 'C'] }, good(24)] })).toContain(
      'many_practitioners',
    );
    expect(of({ latest: [good(3), good(10), good(17), good(24), { ...good(31), came: ['C', 'D'] }] })).not.toContain(
      'many_practitioners',
    );
  });

  it('an unsigned record and an overdue action', () => {
    expect(of({ unsignedRecords: 1, overdueActions: 2 })).toEqual(['unsigned', 'overdue_action']);
  });

  it('uses the team’s own thresholds, and says them in each rule', () => {
    const team = { firstMeetingHours: 48, gapDays: 21, signDays: 5 };
    expect(
      flagsOf(person({ latest: [good(15)], firstHeldAt: new Date(daysAgo(40).getTime() + 30 * 3_600_000) }), team, now),
    ).not.toEqual(expect.arrayContaining(['no_recent', 'late_first']));
    expect(flagRule('no_recent', team)).toBe('No meeting for 21 days while active.');
    expect(flagRule('late_first', team)).toContain('48 hours');
    expect(flagRule('unsigned', team)).toContain('5 days');
    for (const f of flags) expect(flagRule(f, team).length).toBeGreaterThan(10);
  });
});
