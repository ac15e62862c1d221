import { describe, expect, it } from 'vitest';
import { outboxHref, outboxQuery } from './outbox-query';

describe('the outbox page address', () => {
  it('reads the filter and page, falling back to everything, page 1, on anything odd', () => {
    expect(outboxQuery.parse({})).toEqual({ show: 'all', page: 1 });
    expect(outboxQuery.parse({ show: 'failed', page: '3' })).toEqual({ show: 'failed', page: 3 });
    expect(outboxQuery.parse({ show: 'drop table', page: '-2' })).toEqual({ show: 'all', page: 1 });
  });

  it('writes only what differs from the default', () => {
    const query = outboxQuery.parse({ show: 'waiting', page: '2' });
    expect(outboxHref(query, { page: 3 })).toBe('/outbox?show=waiting&page=3');
    expect(outboxHref(query, { show: 'all', page: 1 })).toBe('/outbox');
  });
});
