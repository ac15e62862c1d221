import fs from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * CPU time from /proc: what the app's process group spends per request (a figure that does not
 * depend on who else uses the machine), and how busy the whole machine is.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** User + system CPU time of every process in the group, in ms. */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(after[2]) !== pgid) continue;
      ticks += Number(after[11]) + Number(after[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks * TICK_MS;
}

/** User + system CPU time of every PostgreSQL process on the machine (the bench's server), in ms. */
export function postgresCpuMs(): number {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(after[11]) + Number(after[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks * TICK_MS;
}

/** Busy and total CPU time of the machine (all cores) since boot, in ticks. */
export function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

export function busyPercentSince(before: ReturnType<typeof machineTicks>): number {
  const now = machineTicks();
  const total = now.total - before.total;
  return total > 0 ? (100 * (now.busy - before.busy)) / total : 0;
}

/** How busy the machine is over `ms`, as a percentage of all its cores. */
export async function machineBusyPercent(ms = 2_000): Promise<number> {
  const before = machineTicks();
  await sleep(ms);
  return busyPercentSince(before);
}

export const cores = () => os.cpus().length;
