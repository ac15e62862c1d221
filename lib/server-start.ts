import { getDatabase } from '@/db/connection';
import { env } from '@/lib/env';

/** Fails fast, with the reason in plain words, when the app cannot run. */
export async function startServer(): Promise<void> {
  try {
    env();
    await getDatabase();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
