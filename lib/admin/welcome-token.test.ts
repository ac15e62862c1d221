import { describe, expect, it } from 'vitest';
import { hashWelcomeToken, welcomeLinkExpiry, newWelcomeToken, welcomePath } from './welcome-token';

describe('invite tokens', () => {
  it('are long, URL-safe and different every time', () => {
    const a = newWelcomeToken();
    const b = newWelcomeToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(welcomePath(a)).toBe(`/welcome/${a}`);
  });

  it('are stored as their SHA-256, never as themselves', () => {
    // The well-known digest of "abc".
    expect(hashWelcomeToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newWelcomeToken();
    expect(hashWelcomeToken(token)).not.toContain(token);
  });

  it('last seven days', () => {
    expect(welcomeLinkExpiry(new Date('2026-03-25T10:00:00Z'))).toEqual(new Date('2026-04-01T10:00:00Z'));
  });
});
