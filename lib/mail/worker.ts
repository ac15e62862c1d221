import { setInterval, setTimeout, setImmediate } from 'node:timers';
import type { Db } from '@/db/client';
import { describeError, log } from '@/lib/log/logger';
import { describeMailServer, mailConfig, senderDomain, type MailConfig } from './config';
import { deliverDue, newWorkerId } from './deliver';
import { createMailTransport } from './transport';

/** How often each app instance looks for due email. */
export const DELIVERY_INTERVAL_MS = 15_000;

type Worker = { stop: () => Promise<void>; nudge: () => void };

// Next loads server code in several bundles: the one worker per process is kept on globalThis.
const holder = globalThis as typeof globalThis & { __networkMeetingsMailWorker?: Worker };

/**
 * Starts the delivery loop of this app process, once: every 15 s, and at once when nudged, it
 * sends the outbox's due messages. All state is in the outbox table, so a restart simply
 * carries on, and the claim's lease keeps several instances from sending one message twice.
 * Without a mail server there is nothing to do: messages wait for staff on the outbox page.
 */
export function startMailWorker(
  getDb: () => Promise<Db>,
  config: MailConfig | null = mailConfig() ?? null,
  intervalMs = DELIVERY_INTERVAL_MS,
): Worker | undefined {
  if (holder.__networkMeetingsMailWorker) return holder.__networkMeetingsMailWorker;
  if (!config) {
    log.info('no mail server configured (SMTP_URL): email waits in the outbox, where staff can copy the links');
    return undefined;
  }
  const transport = createMailTransport(config);
  const workerId = newWorkerId();
  const idDomain = senderDomain(config.from);
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const tick = (): void => {
    if (stopped) return;
    if (running) {
      // A nudge during a run: look once more when it ends, for messages enqueued meanwhile.
      again = true;
      return;
    }
    running = (async () => {
      try {
        const report = await deliverDue(await getDb(), transport, new Date(), { workerId, idDomain });
        if (report.sent + report.retrying + report.failed + report.released > 0)
          log.info('outbox delivery', { workerId, ...report });
      } catch (error) {
        log.error('outbox delivery failed; the next run tries again', { workerId, ...describeError(error) });
      } finally {
        running = undefined;
        if (again) {
          again = false;
          setImmediate(tick);
        }
      }
    })();
  };

  const timer = setInterval(tick, intervalMs);
  timer.unref();
  // Soon after start: messages that waited through a restart go out without waiting a full interval.
  setTimeout(tick, 1_000).unref();
  log.info('email delivery started', { server: describeMailServer(config), workerId, everySeconds: intervalMs / 1000 });

  const worker: Worker = {
    nudge: tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
      holder.__networkMeetingsMailWorker = undefined;
    },
  };
  holder.__networkMeetingsMailWorker = worker;
  return worker;
}

/**
 * Asks this process's worker to deliver now instead of at its next tick. Call it after the
 * transaction that enqueued the message has committed; without a worker it does nothing.
 */
export function deliverSoon(): void {
  holder.__networkMeetingsMailWorker?.nudge();
}
