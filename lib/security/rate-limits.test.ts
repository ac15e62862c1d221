import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '@/lib/audit/origin';
import { limits, retryAfterSeconds, windowMinutes } from './rate-limits';

describe('rate limit keys and waits', () => {
  it('keys one email however it was typed, without keeping the email', () => {
    const key = limits.signInFailuresForEmail('kim@example.org').key;
    expect(limits.signInFailuresForEmail('  Kim@Example.ORG ').key).toBe(key);
    expect(key).toMatch(/^sign-in-email:[0-9a-f]{64}$/);
    expect(limits.signInFailuresForEmail('lee@example.org').key).not.toBe(key);
  });

  it('counts seconds to the end of the fixed window', () => {
    const feed = limits.feedFetches('abc');
    expect(retryAfterSeconds(feed, new Date('2026-03-02T10:10:00Z'))).toBe(50 * 60);
    expect(retryAfterSeconds(feed, new Date('2026-03-02T10:59:59.500Z'))).toBe(1);
    expect(retryAfterSeconds(limits.feedMisses('x'), new Date('2026-03-02T10:12:30Z'))).toBe(7 * 60 + 30);
    expect(windowMinutes(limits.signInFailuresForEmail(''))).toBe(15);
  });

  it('reads the client address behind a proxy: first forwarded entry, then x-real-ip, else direct', () => {
    expect(
      clientAddressOf(new Headers({ 'x-forwarded-for': ' 203.0.113.5 , 10.0.0.1', 'x-real-ip': '10.0.0.2' })),
    ).toBe('203.0.113.5');
    expect(clientAddressOf(new Headers({ 'x-real-ip': '10.0.0.2' }))).toBe('10.0.0.2');
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '' }))).toBe('direct');
    expect(clientAddressOf(new Headers())).toBe('direct');
  });
});
