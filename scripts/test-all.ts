import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { startCluster, type Cluster } from './postgres-cluster';

/**
 * `npm test`: every check, in order, stopping at the first failure. Lint and types; unit and
 * integration tests (on PostgreSQL and PGlite); the production build; end-to-end tests in
 * Chromium against it. PostgreSQL is DATABASE_URL when set, otherwise a throwaway cluster
 * started here from the system's binaries and removed afterwards.
 *
 *   npm test                 everything
 *   npm test -- --only e2e   one step (typegen, format, lint, types, vitest, build, e2e)
 *   npm test -- --only e2e --grep records   only the end-to-end tests whose title matches (after a build)
 */
type Step = { name: string; command: string; args: string[]; env?: Record<string, string> };

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const grep = process.argv.includes('--grep') ? process.argv[process.argv.indexOf('--grep') + 1] : undefined;
const reports = path.join('.data', 'test-reports');
const bin = (name: string) => path.join('node_modules', '.bin', name);

function run(step: Step): boolean {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${seconds} s)`);
  return ok;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  fs.rmSync(reports, { recursive: true, force: true });
  fs.mkdirSync(reports, { recursive: true });
  let cluster: Cluster | undefined;
  const needsPostgres = !only || only === 'vitest' || only === 'e2e';
  const adminUrl = needsPostgres ? (process.env.DATABASE_URL ?? (cluster = await startCluster()).url) : undefined;
  let e2eUrl: string | undefined;
  if (adminUrl && (!only || only === 'e2e')) {
    const name = `nm_e2e_${Date.now().toString(36)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    e2eUrl = url.toString();
  }

  const steps: Step[] = [
    { name: 'typegen', command: bin('next'), args: ['typegen'] },
    { name: 'format', command: bin('prettier'), args: ['--check', '--log-level=warn', '.'] },
    { name: 'lint', command: bin('eslint'), args: ['--max-warnings=0', '.'] },
    { name: 'types', command: bin('tsc'), args: ['--noEmit'] },
    {
      name: 'vitest',
      command: bin('vitest'),
      args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
      env: adminUrl ? { DATABASE_URL: adminUrl } : {},
    },
    { name: 'build', command: bin('next'), args: ['build'] },
    {
      name: 'e2e',
      command: bin('playwright'),
      args: ['test', ...(grep ? ['--grep', grep] : [])],
      env: {
        ...(e2eUrl ? { E2E_DATABASE_URL: e2eUrl } : {}),
        PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
        E2E_JSON: '1',
      },
    },
  ];

  let failed = false;
  try {
    for (const step of steps.filter((s) => !only || s.name === only || (only === 'e2e' && s.name === 'typegen'))) {
      if (!run(step)) {
        failed = true;
        break;
      }
    }
  } finally {
    cluster?.stop();
  }

  const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(`${reports}/vitest.json`);
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(
    `${reports}/playwright.json`,
  );
  const passed = (vitest?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0);
  const failedTests = (vitest?.numFailedTests ?? 0) + (e2e ? e2e.stats.unexpected + e2e.stats.flaky : 0);
  console.log(
    `\nunit and integration: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'not run'}`,
  );
  console.log(
    `end-to-end: ${e2e ? `${e2e.stats.expected} passed, ${e2e.stats.unexpected + e2e.stats.flaky} failed` : 'not run'}`,
  );
  console.log(`${passed} passed, ${failedTests + (failed && failedTests === 0 ? 1 : 0)} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
