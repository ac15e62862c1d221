import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS, retryDelayMs } from './backoff';

const minutes = (n: number) => n * 60_000;

describe('retry back-off', () => {
  it('waits 1, 2, 4, 8, 16, 32 minutes, then an hour at most', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map(minutes));
    expect(retryDelayMs(1000)).toBe(minutes(60));
  });

  it('schedules the next attempt from now while attempts remain', () => {
    const now = new Date('2026-03-29T00:30:00Z');
    expect(afterFailure(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-03-29T00:31:00Z') });
    expect(afterFailure(3, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-03-29T00:34:00Z') });
    expect(afterFailure(MAX_ATTEMPTS - 1, now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date('2026-03-29T01:30:00Z'),
    });
  });

  it('gives up after the last attempt, or at once when the failure is permanent', () => {
    const now = new Date('2026-03-29T00:30:00Z');
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'failed' });
    expect(afterFailure(1, now, true)).toEqual({ status: 'failed' });
  });

  it('keeps retrying for a few hours in all before giving up', () => {
    let total = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) total += retryDelayMs(attempt);
    // 1+2+4+8+16+32 minutes, then three hours.
    expect(total).toBe(minutes(63 + 180));
  });
});
