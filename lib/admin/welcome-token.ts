import { createHash, randomBytes } from 'node:crypto';
import { addDays } from 'date-fns';

/** A set-password link works once, for this many days. */
export const INVITE_VALID_DAYS = 7;

/** A new secret for a one-time link: 256 random bits, URL-safe. Only its hash is stored. */
export function newWelcomeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashWelcomeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function welcomeLinkExpiry(now: Date): Date {
  return addDays(now, INVITE_VALID_DAYS);
}

/** The path of the page where the new practitioner chooses a password. */
export function welcomePath(token: string): string {
  return `/welcome/${encodeURIComponent(token)}`;
}

export const LINK_NO_LONGER_WORKS =
  'This link no longer works: it has been used, or it is more than 7 days old. Ask your administrator for a new one.';
