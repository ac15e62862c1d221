import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in a practitioner's calendar feed address: 256 random bits, URL-safe. Only its
 * SHA-256 is stored, so the address can be shown once and never recovered from the database.
 */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const FEED_PREFIX = '/api/calendar-feeds/';

/** The feed's path; it ends in .ics because some calendar apps look for that. */
export function feedPath(token: string): string {
  return `${FEED_PREFIX}${token}.ics`;
}

/** The token in a feed address's last segment, or undefined when it cannot be one. */
export function feedTokenFrom(segment: string): string | undefined {
  const token = segment.endsWith('.ics') ? segment.slice(0, -4) : segment;
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** How far back and ahead a feed reaches, in days. */
export const FEED_WINDOW = { pastDays: 30, futureDays: 180 } as const;

export function feedWindow(now: Date): { from: Date; until: Date } {
  const day = 86_400_000;
  return {
    from: new Date(now.getTime() - FEED_WINDOW.pastDays * day),
    until: new Date(now.getTime() + FEED_WINDOW.futureDays * day),
  };
}
