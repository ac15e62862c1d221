import { describe, expect, it } from 'vitest';
import { coreTeamWarnings, currentCoreTeam, type Assignment } from './core-team';

const a = (
  userId: string,
  discipline: string,
  startsOn: string,
  endsOn: string | null = null,
  role: Assignment['role'] = 'co_worker',
): Assignment => ({
  userId,
  discipline,
  startsOn,
  endsOn,
  role,
});

describe('the core team', () => {
  it('is the assignments that have started and not ended, dates inclusive', () => {
    const all = [
      a('1', 'nurse', '2026-01-01'),
      a('2', 'nurse', '2026-01-01', '2026-11-23'),
      a('3', 'nurse', '2026-11-24', '2026-11-24'),
      a('4', 'nurse', '2026-12-01'),
    ];
    expect(currentCoreTeam(all, '2026-11-24').map((x) => x.userId)).toEqual(['1', '3']);
  });

  it('warns with fewer than two practitioners or no peer support worker', () => {
    expect(coreTeamWarnings([a('1', 'nurse', '2026-01-01')])).toEqual(['fewer_than_two', 'no_peer_worker']);
    expect(coreTeamWarnings([a('1', 'nurse', '2026-01-01'), a('2', 'psychologist', '2026-01-01')])).toEqual([
      'no_peer_worker',
    ]);
    expect(
      coreTeamWarnings([a('1', 'nurse', '2026-01-01'), a('2', 'peer_support_worker', '2026-01-01', null, 'peer')]),
    ).toEqual([]);
    // Two roles for the same practitioner are still one practitioner.
    expect(
      coreTeamWarnings([
        a('1', 'peer_support_worker', '2026-01-01', null, 'lead'),
        a('1', 'peer_support_worker', '2026-01-01', null, 'peer'),
      ]),
    ).toEqual(['fewer_than_two']);
    expect(coreTeamWarnings([])).toEqual(['fewer_than_two', 'no_peer_worker']);
  });

  it('no longer counts a practitioner whose access is turned off', () => {
    const off = { ...a('2', 'peer_support_worker', '2026-01-01', null, 'peer'), accessOff: true };
    expect(coreTeamWarnings([a('1', 'nurse', '2026-01-01'), off])).toEqual([
      'fewer_than_two',
      'no_peer_worker',
      'access_off',
    ]);
    expect(coreTeamWarnings([a('1', 'nurse', '2026-01-01'), a('3', 'peer_support_worker', '2026-01-01'), off])).toEqual(
      ['access_off'],
    );
  });
});
