import fs from 'node:fs';

/**
 * Samples the resident memory (VmRSS) of every process in one process group, e.g. `npx next
 * start` and the next-server it runs, and keeps the peaks.
 */
export type MemoryPeak = {
  /** The largest single process at its peak. */
  largestProcessMb: number;
  largestProcessName: string;
  /** The whole group at its peak (sum over the processes of one sample). */
  groupMb: number;
  samples: number;
};

type Sample = { pid: number; name: string; kb: number };

function readGroup(pgid: number): Sample[] {
  const samples: Sample[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the name, which is in parentheses and may contain spaces: state ppid pgrp …
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(after[2]) !== pgid) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
      // The command line shows next-server's full title ("next-server (v16…)"); Name is cut at 15.
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      const name = (command || /^Name:\s+(.*)$/m.exec(status)?.[1] || entry).slice(0, 60);
      samples.push({ pid: Number(entry), name, kb });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return samples;
}

export function sampleMemory(pgid: number, everyMs = 250): { stop: () => MemoryPeak } {
  let largestKb = 0;
  let largestName = '';
  let groupKb = 0;
  let samples = 0;
  const take = () => {
    const group = readGroup(pgid);
    samples++;
    groupKb = Math.max(
      groupKb,
      group.reduce((sum, s) => sum + s.kb, 0),
    );
    for (const s of group) {
      if (s.kb > largestKb) {
        largestKb = s.kb;
        largestName = `${s.name} (pid ${s.pid})`;
      }
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { largestProcessMb: largestKb / 1024, largestProcessName: largestName, groupMb: groupKb / 1024, samples };
    },
  };
}
