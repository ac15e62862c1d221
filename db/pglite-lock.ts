import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@/lib/errors/app-error';

/**
 * PGlite has no lock of its own: two processes on one data folder silently lose writes.
 * A lock file beside the folder, created atomically, refuses the second opener.
 */
export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** When the process started (Linux), so a pid recycled after a reboot is not mistaken for the holder. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

type Holder = { pid: number; started?: string };

function isLive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTimeOf(holder.pid);
  return !holder.started || !started || started === holder.started;
}

export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(
        fd,
        JSON.stringify({ pid: process.pid, started: startTimeOf(process.pid), since: new Date().toISOString() }),
      );
      fs.closeSync(fd);
      const release = () => {
        try {
          const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (holder.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: Holder = { pid: 0 };
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Holder;
      } catch {
        // unreadable: treat as stale
      }
      const holderPid = holder.pid;
      if (holderPid && holderPid !== process.pid && isLive(holder)) {
        throw new AppError(
          'database_locked',
          `The embedded database in ${path.resolve(dataDir)} is already open in another process (pid ${holderPid}). ` +
            'Stop that copy of the app first, or set DATABASE_URL to a PostgreSQL server to run several instances. ' +
            `If no other copy is running, delete ${lockPath}.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new AppError('database_locked', `Could not lock ${lockPath}.`);
}
