import { describe, expect, it } from 'vitest';
import { filterAndSort, flagCounts, pageOfRows, reviewChoice } from './review';
import type { ReviewRow } from './team';

const row = (givenName: string, over: Partial<ReviewRow> = {}): ReviewRow => ({
  id: givenName,
  givenName,
  familyName: '',
  preferredName: null,
  referralAt: new Date('2027-01-01T00:00:00Z'),
  firstHeldAt: null,
  lastHeldAt: null,
  lastPractitioners: 0,
  flags: [],
  ...over,
});
const rows = [
  row('Cleo', { flags: ['no_recent'], lastHeldAt: new Date('2027-02-01T00:00:00Z') }),
  row('Ash', { flags: ['no_recent', 'unsigned'], lastHeldAt: new Date('2027-03-01T00:00:00Z') }),
  row('Bea', { referralAt: new Date('2027-04-01T00:00:00Z') }),
];

describe('the team review’s list', () => {
  it('reads only known flags and orders from the address', () => {
    expect(reviewChoice({ flag: 'no_recent', sort: 'name' })).toEqual({ flag: 'no_recent', sort: 'name', page: 1 });
    expect(reviewChoice({ flag: 'drop table', sort: ['x'] })).toEqual({ flag: null, sort: 'flags', page: 1 });
    expect(reviewChoice({ page: '3' }).page).toBe(3);
    for (const page of ['0', '-1', '2.5', 'x', ['2'], '99999999']) expect(reviewChoice({ page }).page).toBe(1);
  });

  it('shows one page of the list at a time, the last one when asked past the end', () => {
    const many = Array.from({ length: 120 }, (_, i) => i + 1);
    expect(pageOfRows(many, 1)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50 });
    expect(pageOfRows(many, 3)).toMatchObject({ page: 3, pages: 3, first: 101, last: 120 });
    expect(pageOfRows(many, 3).rows).toEqual(many.slice(100));
    expect(pageOfRows(many, 9)).toMatchObject({ page: 3, first: 101 });
    expect(pageOfRows([], 2)).toMatchObject({ rows: [], page: 1, pages: 1, first: 0, last: 0 });
    expect(pageOfRows(many.slice(0, 50), 1).pages).toBe(1);
  });

  it('filters by a flag and sorts most flags first, then by name', () => {
    expect(filterAndSort(rows, { flag: null, sort: 'flags' }).map((r) => r.givenName)).toEqual(['Ash', 'Cleo', 'Bea']);
    expect(filterAndSort(rows, { flag: 'no_recent', sort: 'name' }).map((r) => r.givenName)).toEqual(['Ash', 'Cleo']);
  });

  it('puts the longest since a meeting first (never met before all), and the newest referral first', () => {
    expect(filterAndSort(rows, { flag: null, sort: 'last' }).map((r) => r.givenName)).toEqual(['Bea', 'Cleo', 'Ash']);
    expect(filterAndSort(rows, { flag: null, sort: 'referral' }).map((r) => r.givenName)).toEqual([
      'Bea',
      'Ash',
      'Cleo',
    ]);
  });

  it('counts each flag', () => {
    expect(flagCounts(rows)).toMatchObject({ no_recent: 2, unsigned: 1, late_first: 0 });
  });
});
