import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures';

/**
 * The client's address as the running server decides it (server.mjs, lib/security/forwarded.mjs).
 * This instance trusts one proxy (playwright.config.ts), so the test speaks as that proxy: the
 * last X-Forwarded-For entry is what the proxy saw, anything left of it is what a client wrote.
 * The per-address limit on links that do not work (20 in 10 minutes) shows whose address counted.
 */
test.describe('the client address behind a trusted proxy', () => {
  const deadLink = () => `/invite/${randomBytes(32).toString('base64url')}`;
  // Addresses of this run only, so an earlier run's counts cannot answer for this one.
  const unique = () => `198.51.${1 + (Date.now() % 250)}.${1 + Math.floor(Math.random() * 250)}`;

  test('a client that writes a new address on every try is still counted as itself', async ({ request }) => {
    const client = unique();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const forged = `203.0.113.${i + 1}`;
      const response = await request.get(deadLink(), { headers: { 'x-forwarded-for': `${forged}, ${client}` } });
      statuses.push(response.status());
    }
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(await (await request.get(deadLink(), { headers: { 'x-forwarded-for': client } })).text()).toContain(
      'Please wait',
    );
  });

  test('misses sent in someone else’s name do not stop that person', async ({ request }) => {
    const victim = unique();
    let attacker = unique();
    while (attacker === victim) attacker = unique();
    for (let i = 0; i < 21; i++)
      await request.get(deadLink(), { headers: { 'x-forwarded-for': `${victim}, ${attacker}`, 'x-real-ip': victim } });
    // The victim, reaching the proxy from their own address, is answered as anyone would be.
    const theirs = await request.get(deadLink(), { headers: { 'x-forwarded-for': victim } });
    expect(theirs.status()).toBe(404);
    expect(await theirs.text()).toContain('This link no longer works');
  });
});
