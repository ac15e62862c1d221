// Plain JavaScript: the app's own server (server.mjs) imports it before anything is compiled.

/** The most proxies anyone puts in front of one app; more is a mistake in the configuration. */
export const MAX_TRUSTED_PROXIES = 10;

/**
 * TRUSTED_PROXIES as a number: how many proxies of our own stand between the client and the app.
 * Unset or empty is 0 (the app faces the clients itself). Anything else that is not a whole
 * number from 0 to MAX_TRUSTED_PROXIES throws, so a typo stops the start instead of trusting
 * what clients write.
 *
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxiesFrom(value) {
  const text = (value ?? '').trim();
  if (text === '') return 0;
  if (!/^\d+$/.test(text) || Number(text) > MAX_TRUSTED_PROXIES) {
    throw new Error(
      `TRUSTED_PROXIES must be a whole number from 0 to ${MAX_TRUSTED_PROXIES} (how many proxies of yours add to X-Forwarded-For), not "${value}".`,
    );
  }
  return Number(text);
}

/** @param {string} address */
function plain(address) {
  const trimmed = address.trim();
  // An IPv4 client on a dual-stack socket arrives as ::ffff:203.0.113.5.
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address. Every proxy appends the address it was reached from to X-Forwarded-For,
 * and the connection's own peer is the last hop, so with `trustedProxies` proxies of our own the
 * client is that many entries from the right of [...X-Forwarded-For, peer]. Whatever lies to the
 * left of it was written by the client (or by proxies we do not know) and is never used.
 * With no trusted proxies it is the peer of the connection, whatever the headers say.
 *
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {string | undefined} peer the connection's remote address
 * @param {number} trustedProxies
 * @returns {string}
 */
export function clientAddress(forwardedFor, peer, trustedProxies) {
  const hops = [forwardedFor ?? []]
    .flat()
    .flatMap((header) => header.split(','))
    .map(plain)
    .filter(Boolean);
  hops.push(plain(peer ?? '') || 'unknown');
  return hops[Math.max(0, hops.length - 1 - trustedProxies)] ?? 'unknown';
}

/**
 * What the server does to every request before Next sees it: X-Forwarded-For becomes the one
 * address worked out above, and X-Real-IP (which any client can write) is dropped.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {number} trustedProxies
 */
export function settleClientAddress(request, trustedProxies) {
  request.headers['x-forwarded-for'] = clientAddress(
    request.headers['x-forwarded-for'],
    request.socket.remoteAddress,
    trustedProxies,
  );
  delete request.headers['x-real-ip'];
}
