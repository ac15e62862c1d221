import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('stores an argon2id hash that only the right password matches', async () => {
    const stored = await hashPassword('a sentence is a good password');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain('sentence');
    expect(await verifyPassword(stored, 'a sentence is a good password')).toBe(true);
    expect(await verifyPassword(stored, 'a sentence is a good passwore')).toBe(false);
  });

  it('answers false for an unknown account or a malformed hash, without throwing', async () => {
    expect(await verifyPassword(undefined, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
