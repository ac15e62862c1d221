import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '@/lib/audit/origin';
import { limits, retryAfterSeconds, windowMinutes } from './rate-limits';

describe('rate limit keys and waits', () => {
  it('counts seconds to the end of the fixed window', () => {
    const feed = limits.feedFetches('abc');
    expect(retryAfterSeconds(feed, new Date('2026-03-02T10:10:00Z'))).toBe(50 * 60);
    expect(retryAfterSeconds(feed, new Date('2026-03-02T10:59:59.500Z'))).toBe(1);
    expect(retryAfterSeconds(limits.feedMisses('x'), new Date('2026-03-02T10:12:30Z'))).toBe(7 * 60 + 30);
    expect(windowMinutes(limits.invitationMisses(''))).toBe(10);
  });

  it('reads the one address the server settled on (the last forwarded entry), nothing a client writes', () => {
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '198.51.100.7' }))).toBe('198.51.100.7');
    expect(
      clientAddressOf(new Headers({ 'x-forwarded-for': ' 203.0.113.5 , 10.0.0.1', 'x-real-ip': '10.0.0.2' })),
    ).toBe('10.0.0.1');
    expect(clientAddressOf(new Headers({ 'x-real-ip': '10.0.0.2' }))).toBe('unknown');
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '' }))).toBe('unknown');
    expect(clientAddressOf(new Headers())).toBe('unknown');
  });
});
