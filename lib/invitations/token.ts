import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { authSecret, env } from '@/lib/env';

/**
 * Personal links. A link's token is HMAC-SHA-256, under a key derived from the server secret,
 * of the invitation's random id: 256 bits nobody can guess without the secret. The database
 * stores only the token's SHA-256, so a copy of the database gives no working link; the app
 * can still put the same link in a later notice (a new time, a reminder) or show it to staff
 * to send by text message. Changing NEXTAUTH_SECRET ends every link.
 */
let key: Buffer | undefined;
function linkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'network-meetings', 'invitation-links', 32));
}

/** The token for an invitation under a given server secret (the bench sets up links with it). */
export function tokenWithSecret(secret: string, invitationId: string): string {
  return createHmac('sha256', linkKey(secret)).update(invitationId).digest('base64url');
}

export function tokenFor(invitationId: string): string {
  key ??= linkKey(authSecret());
  return createHmac('sha256', key).update(invitationId).digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before any database work: 43 base64url characters. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The app's public address, for links that leave it (emails, text messages). */
export function appUrl(): string {
  return (env().NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}

export function invitationLink(invitationId: string): string {
  return `${appUrl()}/invite/${tokenFor(invitationId)}`;
}
