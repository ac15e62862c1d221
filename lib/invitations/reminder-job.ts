import { setInterval, setTimeout } from 'node:timers';
import type { Db } from '@/db/client';
import { deleteStaleRateLimits, RATE_LIMIT_KEEP_MS } from '@/db/queries/rate-limits';
import { deleteQuietThrottles } from '@/db/queries/sign-in-throttles';
import { describeError, log } from '@/lib/log/logger';
import { deliverSoon } from '@/lib/mail/worker';
import { enqueueDueReminders } from './notify';

export const REMINDER_INTERVAL_MS = 60_000;
/** How often the same job also clears rate-limit counts that no longer count. */
const SWEEP_INTERVAL_MS = 60 * 60_000;

const holder = globalThis as typeof globalThis & { __networkMeetingsReminderJob?: { stop: () => void } };

/**
 * Every minute, each app instance puts due reminders in the outbox. The outbox's unique key
 * makes that exactly once across instances and restarts; delivery (or staff, without a mail
 * server) takes it from there. Once an hour it also deletes stale rate-limit counts.
 */
export function startReminderJob(getDb: () => Promise<Db>, intervalMs = REMINDER_INTERVAL_MS) {
  if (holder.__networkMeetingsReminderJob) return holder.__networkMeetingsReminderJob;
  let running = false;
  let sweptAt = 0;
  const tick = () => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        const db = await getDb();
        if (Date.now() - sweptAt >= SWEEP_INTERVAL_MS) {
          sweptAt = Date.now();
          const swept = await deleteStaleRateLimits(db);
          if (swept > 0) log.info('stale rate-limit counts deleted', { count: swept });
          // Sign-in throttles forget a count after 15 quiet minutes; a day is well past that.
          const quiet = await deleteQuietThrottles(db, new Date(Date.now() - RATE_LIMIT_KEEP_MS));
          if (quiet > 0) log.info('quiet sign-in throttles deleted', { count: quiet });
        }
        const count = await enqueueDueReminders(db);
        if (count > 0) {
          log.info('reminders queued', { count });
          deliverSoon();
        }
      } catch (error) {
        log.error('queueing reminders failed; the next run tries again', describeError(error));
      } finally {
        running = false;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setTimeout(tick, 5_000).unref();
  const job = { stop: () => clearInterval(timer) };
  holder.__networkMeetingsReminderJob = job;
  return job;
}
