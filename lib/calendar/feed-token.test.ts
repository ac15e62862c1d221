import { describe, expect, it } from 'vitest';
import { feedPath, feedTokenFrom, feedWindow, hashFeedToken, newFeedToken } from './feed-token';

describe('feed tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const a = newFeedToken();
    const b = newFeedToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashFeedToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('read back from the address, with or without .ics, and nothing else passes', () => {
    const token = newFeedToken();
    expect(feedPath(token)).toBe(`/api/calendar-feeds/${token}.ics`);
    expect(feedTokenFrom(`${token}.ics`)).toBe(token);
    expect(feedTokenFrom(token)).toBe(token);
    expect(feedTokenFrom('short.ics')).toBeUndefined();
    expect(feedTokenFrom(`${token}x`)).toBeUndefined();
    expect(feedTokenFrom(`${token.slice(0, 42)}/.ics`)).toBeUndefined();
  });

  it('reach from 30 days back to 180 days ahead', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(feedWindow(now)).toEqual({
      from: new Date('2026-01-30T12:00:00Z'),
      until: new Date('2026-08-28T12:00:00Z'),
    });
  });
});
