import { getDatabase, getDb } from '@/db/connection';
import { seedDemoDataIfWanted } from '@/lib/demo/seed-at-start';
import { env } from '@/lib/env';
import { startReminderJob } from '@/lib/invitations/reminder-job';
import { startMailWorker } from '@/lib/mail/worker';

/**
 * Fails fast, with the reason in plain words, when the app cannot run; creates the demo data
 * when it is wanted (before the first request); then starts this
 * process's background work: reminders into the outbox, and email delivery when a mail
 * server is configured.
 */
export async function startServer(): Promise<void> {
  try {
    env();
    await seedDemoDataIfWanted(await getDatabase());
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  startMailWorker(getDb);
  startReminderJob(getDb);
}
