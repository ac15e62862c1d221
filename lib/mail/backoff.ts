import { HOUR_MS, MINUTE_MS } from '@/lib/time/units';

/**
 * When to try an email again after the mail server did not take it: 1 minute, then 2, 4, 8 …
 * capped at an hour, and after MAX_ATTEMPTS tries it is marked failed for staff to see
 * (about four hours of retrying in all).
 */
export const MAX_ATTEMPTS = 10;
export const FIRST_RETRY_MS = MINUTE_MS;
export const LONGEST_RETRY_MS = HOUR_MS;

/** The wait after the `attempts`-th failed attempt (attempts counts from 1). */
export function retryDelayMs(attempts: number): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(FIRST_RETRY_MS * 2 ** doublings, LONGEST_RETRY_MS);
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/**
 * What happens to a message whose `attempts`-th attempt failed: wait and try again, or give up
 * when the attempts are used up or the failure is permanent (the server refused the address).
 */
export function afterFailure(attempts: number, now: Date, permanent = false): AfterFailure {
  if (permanent || attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
