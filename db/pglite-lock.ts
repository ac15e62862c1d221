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

function isLiveNodeProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A recycled pid after a reboot belongs to something else: only a node process can hold the lock.
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
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
      let holderPid = 0;
      try {
        holderPid = (JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number }).pid;
      } catch {
        holderPid = 0;
      }
      if (holderPid && holderPid !== process.pid && isLiveNodeProcess(holderPid)) {
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
