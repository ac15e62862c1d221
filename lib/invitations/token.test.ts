import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, invitationLink, looksLikeToken, tokenFor } from './token';

describe('invitation tokens', () => {
  it('are 256 bits in base64url, one per invitation, the same each time for the same invitation', () => {
    const ids = Array.from({ length: 1000 }, () => randomUUID());
    const tokens = new Set(ids.map(tokenFor));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(looksLikeToken(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(tokenFor(ids[0]!)).toBe(tokenFor(ids[0]!));
  });

  it('cannot be made from the invitation id alone (keyed by the server secret)', async () => {
    const { createHash } = await import('node:crypto');
    const id = randomUUID();
    expect(tokenFor(id)).not.toBe(createHash('sha256').update(id).digest('base64url'));
  });

  it('are stored only as a SHA-256 hash, which does not reveal the token', () => {
    const token = tokenFor(randomUUID());
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });

  it('turns away anything not shaped like a token before touching the database', () => {
    expect(looksLikeToken('')).toBe(false);
    expect(looksLikeToken('a'.repeat(42))).toBe(false);
    expect(looksLikeToken(`${'a'.repeat(42)}/`)).toBe(false);
    expect(looksLikeToken("' or 1=1 --")).toBe(false);
  });

  it('gives a link on the app’s public address', () => {
    const id = randomUUID();
    expect(invitationLink(id)).toMatch(new RegExp(`^https?://[^/]+/invite/${tokenFor(id)}$`));
  });
});
