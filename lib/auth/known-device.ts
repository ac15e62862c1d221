import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/env';

/**
 * A device that has signed in to an account before carries a cookie that says so (OWASP's
 * "device cookie"): a tag per account, an HMAC of the email under a key derived from the server
 * secret, so it names no one and cannot be made up. Failed sign-ins by others slow down new
 * devices for that account, never a known one: the owner is not locked out by an attacker.
 */
export const KNOWN_DEVICE_COOKIE = 'known-device';
/** Only the sign-in callback needs it. */
export const KNOWN_DEVICE_PATH = '/api/auth';
export const KNOWN_DEVICE_DAYS = 180;
/** A shared computer may know a few accounts; the newest are kept. */
const MOST_TAGS = 5;

let key: Buffer | undefined;
function deviceKey(): Buffer {
  key ??= Buffer.from(hkdfSync('sha256', authSecret(), 'network-meetings', 'known-devices', 32));
  return key;
}

export function deviceTag(email: string): string {
  return createHmac('sha256', deviceKey()).update(email.trim().toLowerCase(), 'utf8').digest('base64url');
}

function tagsOf(cookie: string | undefined): string[] {
  return (cookie ?? '').split('.').filter((tag) => /^[A-Za-z0-9_-]{43}$/.test(tag));
}

/** Whether the cookie's value says this device has signed in as `email` before. */
export function knowsAccount(cookie: string | undefined, email: string): boolean {
  const wanted = Buffer.from(deviceTag(email));
  return tagsOf(cookie).some((tag) => {
    const given = Buffer.from(tag);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  });
}

/** The cookie's new value after signing in as `email`: that account first, at most five. */
export function withAccount(cookie: string | undefined, email: string): string {
  const tag = deviceTag(email);
  return [tag, ...tagsOf(cookie).filter((t) => t !== tag)].slice(0, MOST_TAGS).join('.');
}

/** A cookie's value by name from a Cookie header. */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
