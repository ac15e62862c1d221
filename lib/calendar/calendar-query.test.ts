import { describe, expect, it } from 'vitest';
import { calendarHref, calendarQuery } from './calendar-query';

describe('the calendar address', () => {
  it('defaults to my view of this week', () => {
    expect(calendarQuery.parse({})).toEqual({ view: 'me' });
  });

  it('keeps a real day and a team, and drops what cannot be read', () => {
    expect(calendarQuery.parse({ view: 'team', week: '2026-03-26', team: 'abc' })).toEqual({
      view: 'team',
      week: '2026-03-26',
      team: 'abc',
    });
    expect(calendarQuery.parse({ view: 'everyone', week: '2026-02-30' })).toEqual({ view: 'me', week: undefined });
    expect(calendarQuery.parse({ view: ['team', 'me'], week: 'next', team: ['a', 'b'] })).toEqual({
      view: 'me',
      week: undefined,
      team: undefined,
    });
  });

  it('writes links with only what differs from the default', () => {
    const query = calendarQuery.parse({ view: 'team', team: 'abc' });
    expect(calendarHref(query, { week: '2026-03-30' })).toBe('/calendar?view=team&team=abc&week=2026-03-30');
    expect(calendarHref(query, { week: undefined })).toBe('/calendar?view=team&team=abc');
    expect(calendarHref(query, { view: 'me', week: '2026-03-30' })).toBe('/calendar?week=2026-03-30');
    expect(calendarHref(calendarQuery.parse({}), {})).toBe('/calendar');
  });
});
