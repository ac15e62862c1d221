import { describe, expect, it } from 'vitest';
import {
  coc,
  daysBetween,
  gapsInDays,
  median,
  pairUpc,
  quantile,
  secon,
  strip,
  upc,
  type HeldMeeting,
} from './measures';

const meeting = (day: string, came: string[], over: Partial<HeldMeeting> = {}): HeldMeeting => ({
  id: `m-${day}`,
  startsAt: new Date(`${day}T10:00:00Z`),
  day,
  came,
  missed: [],
  coreTeam: ['A', 'B'],
  peersCame: came.filter((id) => id === 'B'),
  membersCame: [],
  membersMissed: [],
  personCame: true,
  ...over,
});

describe('the indices, worked on paper', () => {
  // Four meetings: Ana and Ben; Ana and Ben; Ana and Cal; Ana alone.
  const four = [
    meeting('2027-01-04', ['A', 'B']),
    meeting('2027-01-11', ['A', 'B']),
    meeting('2027-01-18', ['A', 'C']),
    meeting('2027-01-25', ['A']),
  ];

  it('COC: n = (4, 2, 1) over 7 contacts gives (16 + 4 + 1 − 7) / (7 × 6) = 14 / 42 = 1/3', () => {
    expect(coc(four)).toBeCloseTo(1 / 3, 10);
  });

  it('UPC: Ana came to all four meetings, so 4 / 4 = 1', () => {
    expect(upc(four)).toBe(1);
  });

  it('pair UPC: the most common set, Ana and Ben, was at 2 of 4 meetings', () => {
    expect(pairUpc(four)).toBe(0.5);
  });

  it('SECON: every consecutive pair shares Ana (3 / 3); overlaps 1, 1/3 and 1/2 average 11/18', () => {
    const s = secon(four);
    expect(s.shared).toBe(1);
    expect(s.overlap).toBeCloseTo(11 / 18, 10);
  });

  it('the strip: known team 2 of the 3 meetings after the first (Cal was new), gaps 7 days, core presence', () => {
    const s = strip({ all: four, referralAt: new Date('2027-01-03T16:00:00Z') });
    expect(s).toMatchObject({
      meetings: 4,
      few: false,
      referralToFirstHours: 18,
      gaps: { count: 3, median: 7, longest: 7 },
      core: { any: { n: 4, of: 4 }, whole: { n: 2, of: 4 }, peer: { n: 2, of: 4 } },
      knownTeam: { n: 2, of: 3 },
      membersPerMeeting: 0,
      personCame: { n: 4, of: 4 },
    });
    expect(s.indices?.coc).toBeCloseTo(1 / 3, 10);
  });
});

describe('edge cases', () => {
  it('one meeting: no indices and no gaps, only the count and the hours from referral', () => {
    const s = strip({ all: [meeting('2027-02-01', ['A', 'B'])], referralAt: new Date('2027-01-31T10:00:00Z') });
    expect(s).toMatchObject({ meetings: 1, few: true, indices: null, referralToFirstHours: 24 });
    expect(s.gaps).toEqual({ count: 0, median: null, longest: null });
    expect(s.knownTeam).toEqual({ n: 0, of: 0 });
  });

  it('no meetings yet: nothing to show but that', () => {
    const s = strip({ all: [], referralAt: new Date('2027-01-31T10:00:00Z') });
    expect(s).toMatchObject({ meetings: 0, referralToFirstHours: null, indices: null, membersPerMeeting: null });
  });

  it('three practitioners at every meeting: COC counts 6 contacts, (3 × 4 − 6) / (6 × 5) = 0.2, while UPC and SECON are 1', () => {
    const same = [meeting('2027-03-01', ['A', 'B', 'C']), meeting('2027-03-08', ['A', 'B', 'C'])];
    expect(coc(same)).toBeCloseTo(0.2, 10);
    expect(upc(same)).toBe(1);
    expect(pairUpc(same)).toBe(1);
    expect(secon(same)).toEqual({ shared: 1, overlap: 1 });
  });

  it('a gap across the clock change is 7 days, though it is 167 hours', () => {
    // Saturday 27 March 2027 10:00 GMT to Saturday 3 April 10:00 BST, as dated where the team is.
    const before = meeting('2027-03-27', ['A'], { startsAt: new Date('2027-03-27T10:00:00Z') });
    const after = meeting('2027-04-03', ['A'], { startsAt: new Date('2027-04-03T09:00:00Z') });
    expect((after.startsAt.getTime() - before.startsAt.getTime()) / 3_600_000).toBe(167);
    expect(gapsInDays([before, after])).toEqual([7]);
    expect(daysBetween('2027-10-30', '2027-10-31')).toBe(1);
  });

  it('a period counts only its own meetings, but whether someone had met the person looks before it', () => {
    const all = [
      meeting('2027-01-04', ['A', 'C']),
      meeting('2027-02-01', ['A', 'B']),
      meeting('2027-02-08', ['C', 'B']),
    ];
    const s = strip({ all, from: new Date('2027-02-01T00:00:00Z'), referralAt: new Date('2027-01-03T10:00:00Z') });
    expect(s.meetings).toBe(2);
    // Ben was new on 1 February; by 8 February both had met the person.
    expect(s.knownTeam).toEqual({ n: 1, of: 2 });
    expect(s.gaps).toEqual({ count: 1, median: 7, longest: 7 });
  });

  it('median and quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20], 0.5)).toBe(15);
  });
});
