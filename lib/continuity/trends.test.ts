import { describe, expect, it } from 'vitest';
import { defaultThresholds } from './flags';
import { practitionerFigures } from './practitioners';
import { fidelityByElement, monthsUpTo, teamTrends, type TrendMeeting } from './trends';

const at = (day: string, personId: string, came: string[], signedAfterDays: number | null = 1): TrendMeeting => {
  const startsAt = new Date(`${day}T10:00:00Z`);
  const endsAt = new Date(`${day}T11:00:00Z`);
  return {
    id: `${personId}-${day}`,
    personId,
    startsAt,
    endsAt,
    day,
    came,
    missed: [],
    coreTeam: ['A'],
    peersCame: [],
    membersCame: [],
    membersMissed: [],
    personCame: true,
    firstSignedAt: signedAfterDays === null ? null : new Date(endsAt.getTime() + signedAfterDays * 86_400_000),
  };
};

describe('monthsUpTo', () => {
  it('counts back across the turn of the year', () => {
    expect(monthsUpTo('2027-02-14', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('teamTrends, worked by hand', () => {
  // Robin: referred 1 Jan, first met 1 Jan (within 24 h), then 8 and 22 Jan, then 5 Feb.
  // Sam: referred 25 Jan, first met 28 Jan (72 h: late).
  const meetings = [
    at('2027-01-01', 'robin', ['A', 'B']),
    at('2027-01-08', 'robin', ['A', 'B'], 5),
    at('2027-01-22', 'robin', ['B', 'C'], null),
    at('2027-02-05', 'robin', ['A']),
    at('2027-01-28', 'sam', ['C', 'D']),
  ];
  const referrals = new Map([
    ['robin', new Date('2027-01-01T00:00:00Z')],
    ['sam', new Date('2027-01-25T10:00:00Z')],
  ]);
  const t = teamTrends({
    meetings,
    referrals,
    months: ['2027-01', '2027-02'],
    thresholds: defaultThresholds,
    now: new Date('2027-03-01T00:00:00Z'),
  });

  it('first meetings within 24 hours: 1 of the 2 people first met in January', () => {
    expect(t.firstWithin).toEqual([
      { month: '2027-01', value: 0.5, low: null, high: null, n: 2 },
      { month: '2027-02', value: null, low: null, high: null, n: 0 },
    ]);
  });

  it('days between meetings by the later meeting’s month: January 7 and 14, February 14', () => {
    expect(t.gapDays[0]).toEqual({ month: '2027-01', value: 10.5, low: 8.75, high: 12.25, n: 2 });
    expect(t.gapDays[1]).toMatchObject({ value: 14, n: 1 });
  });

  it('core-team presence: Ana (the core team) at 2 of January’s 4 meetings, and at February’s one', () => {
    expect(t.coreAny.map((p) => [p.value, p.n])).toEqual([
      [0.5, 4],
      [1, 1],
    ]);
  });

  it('median COC of people with two or more meetings in the month: only Robin in January', () => {
    // January for Robin: {A,B}, {A,B}, {B,C}: n = (2, 3, 1), 6 contacts: (4 + 9 + 1 − 6) / 30 = 8/30.
    expect(t.coc[0]!.value).toBeCloseTo(8 / 30, 10);
    expect(t.coc[0]!.n).toBe(1);
    expect(t.coc[1]!.n).toBe(0);
  });

  it('records signed within 3 days: 2 of January’s 4 (one after 5 days, one never)', () => {
    expect(t.signedWithin.map((p) => [p.value, p.n])).toEqual([
      [0.5, 4],
      [1, 1],
    ]);
  });
});

describe('practitionerFigures', () => {
  it('counts meetings, people, and presence when in the core team', () => {
    const figures = practitionerFigures([
      at('2027-01-01', 'robin', ['A', 'B']),
      at('2027-01-08', 'robin', ['B']),
      at('2027-01-09', 'sam', ['A']),
    ]);
    expect(figures.find((f) => f.userId === 'A')).toEqual({
      userId: 'A',
      came: 2,
      people: 2,
      asCore: 3,
      asCoreCame: 2,
    });
    expect(figures.find((f) => f.userId === 'B')).toEqual({
      userId: 'B',
      came: 2,
      people: 1,
      asCore: 0,
      asCoreCame: 0,
    });
  });
});

describe('fidelityByElement', () => {
  it('averages the scores, leaving out "not applicable", per month', () => {
    const rows = [
      { month: '2027-01', element: 'two_or_more_practitioners' as const, score: 3, ratings: 2 },
      { month: '2027-01', element: 'two_or_more_practitioners' as const, score: 1, ratings: 1 },
      { month: '2027-01', element: 'two_or_more_practitioners' as const, score: null, ratings: 4 },
    ];
    const byElement = fidelityByElement(rows, ['2027-01', '2027-02']);
    expect(byElement.get('two_or_more_practitioners')).toEqual([
      { month: '2027-01', mean: 7 / 3, n: 3 },
      { month: '2027-02', mean: null, n: 0 },
    ]);
  });
});
