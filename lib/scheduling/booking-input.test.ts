import { describe, expect, it } from 'vitest';
import { daysInWindow, MAX_SEARCH_DAYS, readSlotSearch, searchDays, seriesInput } from './booking-input';

const ALEX = '11111111-1111-4111-8111-111111111111';
const dates = { from: '2026-01-05', to: '2026-02-02' };

describe('the window of a slot search', () => {
  it('counts both days: one day is 1, Monday 5 January to Sunday 29 March 2026 is 12 weeks', () => {
    expect(daysInWindow('2026-01-05', '2026-01-05')).toBe(1);
    expect(daysInWindow('2026-01-05', '2026-03-29')).toBe(84);
    // Across the change to summer time (29 March 2026 in London): still whole days.
    expect(daysInWindow('2026-03-28', '2026-03-30')).toBe(3);
    expect(daysInWindow('2026-01-05', '2026-01-04')).toBe(0);
  });

  it('searches 12 weeks', () => {
    const { search, fieldErrors } = readSlotSearch({ from: '2026-01-05', to: '2026-03-29' }, dates);
    expect(fieldErrors).toEqual({});
    expect(search).toMatchObject({ from: '2026-01-05', to: '2026-03-29' });
  });

  it('refuses a day more beside Until, keeping both dates as typed', () => {
    const { search, fieldErrors } = readSlotSearch({ from: '2026-01-05', to: '2026-03-30' }, dates);
    expect(fieldErrors).toEqual({ to: ['Search at most 12 weeks at a time'] });
    expect(search).toMatchObject({ from: '2026-01-05', to: '2026-03-30' });
  });

  it('refuses twenty weeks, and ten years', () => {
    expect(readSlotSearch({ from: '2026-01-05', to: '2026-05-25' }, dates).fieldErrors.to).toEqual([
      'Search at most 12 weeks at a time',
    ]);
    expect(readSlotSearch({ from: '2026-01-05', to: '2036-01-05' }, dates).fieldErrors.to).toEqual([
      'Search at most 12 weeks at a time',
    ]);
  });

  it('checks the default From when only Until is in the address', () => {
    const { search, fieldErrors } = readSlotSearch({ to: '2036-01-05' }, dates);
    expect(search.from).toBe('2026-01-05');
    expect(fieldErrors.to).toEqual(['Search at most 12 weeks at a time']);
    expect(readSlotSearch({}, dates)).toMatchObject({ search: dates, fieldErrors: {} });
  });

  it('refuses Until before From', () => {
    expect(readSlotSearch({ from: '2026-02-10', to: '2026-02-09' }, dates).fieldErrors).toEqual({
      to: ['Choose an Until date on or after From'],
    });
  });

  it('falls back to the default for a date that is not a date', () => {
    expect(readSlotSearch({ from: '2026-02-30', to: 'soon' }, dates)).toMatchObject({ search: dates, fieldErrors: {} });
  });

  it('is never searched for more than 12 weeks, whatever the address says', () => {
    expect(searchDays('2026-01-05', '2036-01-05')).toEqual({ first: '2026-01-05', last: '2026-03-29' });
    expect(searchDays('2026-01-05', '2026-03-29')).toEqual({ first: '2026-01-05', last: '2026-03-29' });
    expect(searchDays('2026-01-05', '2026-01-20')).toEqual({ first: '2026-01-05', last: '2026-01-20' });
    const { first, last } = searchDays('2026-12-01', '2027-12-01');
    expect(daysInWindow(first, last)).toBe(MAX_SEARCH_DAYS);
  });
});

describe('the number of meetings in a series', () => {
  it('allows 12, refuses 13 beside the count', () => {
    expect(readSlotSearch({ repeat: 'weekly', count: '12' }, dates).fieldErrors).toEqual({});
    const { search, fieldErrors } = readSlotSearch({ repeat: 'weekly', count: '13' }, dates);
    expect(fieldErrors).toEqual({ count: ['At most 12 meetings in a series'] });
    expect(search.count).toBe(13);
  });

  it('does not mind the count of a meeting that does not repeat', () => {
    expect(readSlotSearch({ repeat: 'none', count: '40' }, dates).fieldErrors).toEqual({});
  });

  it('falls back to 6 for a count that is not a number', () => {
    expect(readSlotSearch({ repeat: 'daily', count: 'many' }, dates)).toMatchObject({
      search: { count: 6 },
      fieldErrors: {},
    });
  });

  const series = (starts: string[]) => ({
    personId: 'p',
    kind: 'network',
    duration: '60',
    location: 'phone',
    required: ALEX,
    repeat: 'weekly',
    ...Object.fromEntries(starts.map((s, i) => [`occurrence-${i}`, s])),
  });
  const weekly = (n: number) =>
    Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 6 + 7 * i, 10)).toISOString());
  const startsError = (input: unknown) => {
    const result = seriesInput.safeParse(input);
    return result.success ? undefined : result.error.issues.filter((i) => i.path[0] === 'starts').map((i) => i.message);
  };

  it('books at most 12 meetings when the series is confirmed', () => {
    expect(seriesInput.safeParse(series(weekly(12))).success).toBe(true);
    expect(startsError(series(weekly(13)))).toEqual(['At most 12 meetings in a series']);
    // Left-out meetings count too: the form never sends more than it showed.
    expect(startsError(series([...weekly(2), ...Array<string>(11).fill('skip')]))).toEqual([
      'At most 12 meetings in a series',
    ]);
  });

  it('refuses a series whose meetings are more than 12 weeks apart', () => {
    const [first] = weekly(1) as [string];
    expect(startsError(series([first, new Date(Date.UTC(2026, 3, 7, 10)).toISOString()]))).toEqual([
      'A series can span at most 12 weeks: choose times closer together',
    ]);
    expect(startsError(series([first, 'skip', new Date(Date.UTC(2026, 2, 31, 10)).toISOString()]))).toBeUndefined();
  });
});
