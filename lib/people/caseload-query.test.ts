import { describe, expect, it } from 'vitest';
import { caseloadHref, caseloadQuery } from './caseload-query';

describe('the caseload address', () => {
  it('falls back to sensible defaults for anything odd', () => {
    expect(caseloadQuery.parse({})).toEqual({ q: '', status: 'active', mine: false, sort: 'next', page: 1 });
    expect(caseloadQuery.parse({ status: 'everyone', sort: 'random', page: '-3', mine: '1', q: ' Ash ' })).toEqual({
      q: 'Ash',
      status: 'active',
      mine: true,
      sort: 'next',
      page: 1,
    });
  });
  it('round-trips through a link, leaving defaults out', () => {
    const query = caseloadQuery.parse({ q: 'ash', status: 'all', sort: 'last', page: '3' });
    expect(caseloadHref(query, {})).toBe('/people?q=ash&status=all&sort=last&page=3');
    expect(caseloadHref(query, { page: 1, q: '' })).toBe('/people?status=all&sort=last');
  });
});
