import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineBusyPercent } from './cpu';

/** Builds, starts and stops the production app for the bench. */

const BUSY_PATTERN = 'next build|playwright test|vitest';

function busyProcesses(): string[] {
  const result = spawnSync('pgrep', ['-af', BUSY_PATTERN], { encoding: 'utf8' });
  return result.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith(`${process.pid} `));
}

/**
 * The machine has two cores and is shared: waits until nobody else is building or testing (and,
 * with maxBusyPercent, until the CPU is that idle), so neither the build nor the measurements
 * compete with them. Gives up waiting after `maxMs`.
 */
export async function waitForQuietMachine(
  log: (line: string) => void,
  options: { maxMs?: number; maxBusyPercent?: number } = {},
): Promise<void> {
  const maxMs = options.maxMs ?? 30 * 60_000;
  const until = Date.now() + maxMs;
  let told = false;
  for (;;) {
    const busy = busyProcesses();
    if (busy.length === 0 && options.maxBusyPercent !== undefined) {
      // Nothing known is running, but something may still use the CPU (a dev server, a linter…).
      const percent = await machineBusyPercent();
      if (percent > options.maxBusyPercent) busy.push(`the CPU is ${percent.toFixed(0)} % busy`);
    }
    if (busy.length === 0) return;
    if (Date.now() > until) {
      log(`  still busy after ${Math.round(maxMs / 60_000)} min; going on anyway: ${busy.join('; ')}`);
      return;
    }
    if (!told) log(`  waiting for a quiet machine: ${busy.map((b) => b.slice(0, 100)).join('; ')}`);
    told = true;
    await sleep(5_000);
  }
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function buildApp(logFile: string): Promise<void> {
  const out = fs.openSync(logFile, 'w');
  try {
    const child = spawn('npm', ['run', 'build'], {
      stdio: ['ignore', out, out],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`npm run build failed (exit ${code}); the end of ${logFile}:\n${tail(logFile)}`);
  } finally {
    fs.closeSync(out);
  }
}

export type AppServer = {
  baseUrl: string;
  pid: number;
  logFile: string;
  stop: () => Promise<void>;
  killNow: () => void;
};

/**
 * The app as production runs it (`npm start`, with its heap limit), in its own process group,
 * so the whole group can be measured and killed.
 */
/** The app's secret in the bench: random per run, and known to the bench to make invitation links. */
export const BENCH_SECRET = randomBytes(36).toString('base64');

export async function startApp(options: {
  port: number;
  databaseUrl: string;
  logFile: string;
  /** Write a CPU profile of the app here when it exits (node --cpu-prof, which NODE_OPTIONS refuses). */
  cpuProfileDir?: string;
}): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const out = fs.openSync(options.logFile, 'w');
  const listen = ['-p', String(options.port), '-H', '127.0.0.1'];
  // What `npm start` runs, with the profiler's flags when asked for.
  const [command, args] = options.cpuProfileDir
    ? [
        process.execPath,
        ['--max-old-space-size=256', '--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, 'server.mjs', ...listen],
      ]
    : ['npm', ['start', '--', ...listen]];
  const child = spawn(command, args, {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: baseUrl,
      DEMO_DATA: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('next start did not start');
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    signalGroup('SIGTERM');
    for (let waited = 0; waited < 10_000 && groupAlive(); waited += 100) await sleep(100);
    if (groupAlive()) signalGroup('SIGKILL');
  };
  const server: AppServer = { baseUrl, pid, logFile: options.logFile, stop, killNow: () => signalGroup('SIGKILL') };

  try {
    const until = Date.now() + 90_000;
    for (;;) {
      if (exited)
        throw new Error(
          `next start exited before it was healthy; the end of ${options.logFile}:\n${tail(options.logFile)}`,
        );
      if (Date.now() > until) throw new Error(`/api/health did not answer 200 within 90 s; see ${options.logFile}`);
      const status = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return server;
      await sleep(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

export const benchDataDir = path.join(process.cwd(), '.data', 'bench');
