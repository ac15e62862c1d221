import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressOf } from '@/lib/audit/origin';
import { clientAddress, settleClientAddress, trustedProxiesFrom } from './forwarded.mjs';

describe('the client address', () => {
  it('is the connection peer when no proxy is trusted, whatever the client wrote', () => {
    expect(clientAddress('203.0.113.5', '198.51.100.9', 0)).toBe('198.51.100.9');
    expect(clientAddress(['203.0.113.5, 10.0.0.1', '192.0.2.1'], '198.51.100.9', 0)).toBe('198.51.100.9');
    expect(clientAddress(undefined, '::ffff:198.51.100.9', 0)).toBe('198.51.100.9');
    expect(clientAddress(undefined, '2001:db8::1', 0)).toBe('2001:db8::1');
  });

  it('is the entry the outermost trusted proxy added, never one further left', () => {
    // client → proxy (appends the client) → app: the peer is the proxy.
    expect(clientAddress('198.51.100.7', '10.0.0.2', 1)).toBe('198.51.100.7');
    // A forged entry the client wrote itself stays on the left and is ignored.
    expect(clientAddress('203.0.113.66, 198.51.100.7', '10.0.0.2', 1)).toBe('198.51.100.7');
    // client → CDN → load balancer → app.
    expect(clientAddress('203.0.113.66, 198.51.100.7, 10.0.0.3', '10.0.0.2', 2)).toBe('198.51.100.7');
    // Fewer hops than proxies (a request that bypassed them): the furthest address known.
    expect(clientAddress(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress(' , ', '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('reads TRUSTED_PROXIES as a small whole number and refuses anything else', () => {
    expect(trustedProxiesFrom(undefined)).toBe(0);
    expect(trustedProxiesFrom('')).toBe(0);
    expect(trustedProxiesFrom(' 2 ')).toBe(2);
    for (const bad of ['-1', '1.5', 'yes', '11', 'all']) {
      expect(() => trustedProxiesFrom(bad)).toThrow(/TRUSTED_PROXIES must be a whole number from 0 to 10/);
    }
  });
});

describe('the server step in front of Next', () => {
  let server: Server;
  let url: string;
  const trusted = { proxies: 0 };

  beforeAll(async () => {
    // The same step server.mjs runs, then what the app reads (lib/audit/origin.ts).
    server = createServer((request, response) => {
      settleClientAddress(request, trusted.proxies);
      const seen = new Headers(request.headers as Record<string, string>);
      response.end(JSON.stringify({ address: clientAddressOf(seen), realIp: seen.get('x-real-ip') }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function seen(headers: Record<string, string>) {
    return (await (await fetch(url, { headers })).json()) as { address: string; realIp: string | null };
  }

  it('gives the app the connection address when the client forges X-Forwarded-For and X-Real-IP', async () => {
    trusted.proxies = 0;
    expect(await seen({ 'x-forwarded-for': '203.0.113.5', 'x-real-ip': '203.0.113.6' })).toEqual({
      address: '127.0.0.1',
      realIp: null,
    });
    expect(await seen({})).toEqual({ address: '127.0.0.1', realIp: null });
  });

  it('behind one trusted proxy, gives the app the address that proxy added', async () => {
    trusted.proxies = 1;
    expect((await seen({ 'x-forwarded-for': '203.0.113.5, 198.51.100.7' })).address).toBe('198.51.100.7');
    expect((await seen({})).address).toBe('127.0.0.1');
  });
});
