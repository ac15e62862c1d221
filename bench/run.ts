import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { hashPassword } from '../lib/auth/password';
import { freePort } from '../scripts/postgres-cluster';
import { busyPercentSince, groupCpuMs, machineTicks, postgresCpuMs } from './cpu';
import { applyMigrations, openBenchDatabase } from './database';
import { runLoad } from './load';
import { sampleMemory, type MemoryPeak } from './memory';
import { enableQueryStats, queryStatsLines, resetQueryStats, statementCount, topQueries } from './query-stats';
import {
  assess,
  capacity,
  capacityStatement,
  countsTable,
  markdownTable,
  MEMORY_TARGET_MB,
  memoryLine,
  ratioTable,
  SLOT_SEARCH_TARGET_P50_MS,
  slotEngineLine,
  unloadedTable,
  writeJson,
  type BenchReport,
  type ScenarioResult,
} from './report';
import { measureBooking } from './booking';
import { invitationPath, scenarios, type BenchContext, type Scenario } from './scenarios';
import { largestProfile, profileMarkdown, summariseProfile } from './profile';
import { measureSlotEngine } from './slot-engine';
import { gzipSync } from 'node:zlib';
import { measureSlotSearch } from './slot-search';
import { measureContinuity } from './continuity';
import { benchDataDir, buildApp, startApp, waitForQuietMachine } from './server';
import { pickPractitioner, signIn, verifyTodayPage } from './sign-in';
import { buildTrustScaleData, type Step } from './trust-scale-data';

/**
 * `npm run bench`: a throwaway PostgreSQL with the trust-scale data set (DESIGN.md §8), the
 * production build of the app on it, and closed-loop load on each scenario of bench/scenarios.ts.
 *
 *   BENCH_DATABASE_URL   an empty database to use instead of a throwaway cluster
 *   BENCH_SKIP_BUILD=1   use the existing .next build
 *   BENCH_SECONDS        measured seconds per scenario under load (default 15, after 3 s of warm-up)
 *   BENCH_UNLOADED_SECONDS  measured seconds per scenario at one connection (default 4, after 1 s)
 *   BENCH_PROFILE        instead of measuring, profile the scenarios whose names contain one of
 *                        these comma-separated words (e.g. "Person page,Today"): a fresh app per
 *                        scenario under `node --cpu-prof`, its load, and where the time went
 *
 * Exits non-zero on any failed request or check; a missed target (issue 14's CPU ratios, SQL
 * statements, unloaded latency, the slot engine, memory) is reported, not fatal.
 */

const BENCH_PASSWORD = 'bench-password-trust-scale';
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const unloadedSeconds = Number(process.env.BENCH_UNLOADED_SECONDS ?? 4);

const log = (line: string) => console.log(line);
const phases: Step[] = [];

async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  log(`\n▶ ${name}`);
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  phases.push({ name, ms });
  log(`  done in ${(ms / 1000).toFixed(1)} s`);
  return result;
}

/** What must be undone however the run ends: last registered, first undone. */
const cleanups: { name: string; sync: () => void; async?: () => Promise<void> }[] = [];

function cleanUpNow() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup.sync();
    } catch (error) {
      console.error(`cleanup of ${cleanup.name} failed:`, error instanceof Error ? error.message : error);
    }
  }
}

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await (cleanup.async ?? (async () => cleanup.sync()))();
    } catch (error) {
      console.error(`cleanup of ${cleanup.name} failed:`, error instanceof Error ? error.message : error);
    }
  }
}

process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the app and the database`);
    cleanUpNow();
    process.exit(130);
  });
}

function requestOf(ctx: BenchContext, scenario: Scenario, n: number) {
  const body = scenario.body?.(ctx, n);
  const headers: Record<string, string> = {};
  if (scenario.signedIn) headers.cookie = ctx.cookie;
  if (body) headers['content-type'] = body.contentType;
  const route = typeof scenario.path === 'string' ? scenario.path : scenario.path(ctx, n);
  return { method: scenario.method, url: `${ctx.baseUrl}${route}`, headers, body: body?.text };
}

async function main(): Promise<number> {
  fs.mkdirSync(benchDataDir, { recursive: true });
  // First, on the quietest machine of the run: pure computation in this process, no database.
  const slotEngine = await phase(
    'Slot engine alone (3 practitioners, 28 days across a clock change, no database)',
    async () => {
      await waitForQuietMachine(log, { maxMs: 2 * 60_000, maxBusyPercent: 40 });
      const result = measureSlotEngine();
      log(
        `  ${result.runs} runs: median ${result.medianMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms (target median ≤ ${result.targetMedianMs} ms)`,
      );
      return result;
    },
  );
  const database = await phase('Start PostgreSQL', openBenchDatabase);
  cleanups.push({ name: 'PostgreSQL', sync: database.stop });
  log(database.external ? '  using BENCH_DATABASE_URL' : `  throwaway cluster at ${database.url}`);

  await phase('Apply migrations', () => applyMigrations(database.url));

  const { steps: dataSteps, counts } = await phase('Build the trust-scale data set', async () => {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    log(`  every user's password: ${BENCH_PASSWORD}`);
    return buildTrustScaleData(database.url, passwordHash, log);
  });
  log(`\n${countsTable(counts)}`);

  if (process.env.BENCH_SKIP_BUILD === '1') {
    log('\n▶ Build the app: skipped (BENCH_SKIP_BUILD=1)');
  } else {
    await phase('Build the app (npm run build)', async () => {
      await waitForQuietMachine(log);
      await buildApp(path.join(benchDataDir, 'build.log'));
    });
  }

  if (process.env.BENCH_PROFILE) {
    await profileScenarios(
      database.url,
      process.env.BENCH_PROFILE.split(',').map((w) => w.trim().toLowerCase()),
    );
    await cleanUp();
    return 0;
  }

  const server = await phase('Start the app (next start)', async () =>
    startApp({ port: await freePort(), databaseUrl: database.url, logFile: path.join(benchDataDir, 'server.log') }),
  );
  cleanups.push({ name: 'the app', sync: server.killNow, async: server.stop });
  const memory = sampleMemory(server.pid);

  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  cleanups.push({ name: 'the bench connection', sync: () => {}, async: () => sql.end({ timeout: 5 }) });

  const { practitioner, cookie, shown } = await phase('Sign in over HTTP', async () => {
    const practitioner = await pickPractitioner(sql);
    const cookie = await signIn(server.baseUrl, practitioner.email, BENCH_PASSWORD);
    const shown = await verifyTodayPage(server.baseUrl, cookie, practitioner);
    log(
      `  ${practitioner.email} (${practitioner.name}): ${practitioner.upcoming} meetings in the next 14 days; /today shows ${shown}`,
    );
    return { practitioner, cookie, shown };
  });

  const ctx: BenchContext = { baseUrl: server.baseUrl, sql, practitioner, cookie };
  const queryStats = await enableQueryStats(sql);
  const results: ScenarioResult[] = [];
  const slotSearch = await phase(
    'Slot search in-process (3 required + 2 optional practitioners, 28 days, with the database)',
    async () => {
      await waitForQuietMachine(log, { maxMs: 2 * 60_000, maxBusyPercent: 40 });
      const result = await measureSlotSearch(database.url, practitioner.teamId);
      log(
        `  ${result.searches} searches: p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, ${result.meanSlots.toFixed(1)} slots each`,
      );
      return result;
    },
  );

  const booking = await phase(
    'Booking in-process (2 required practitioners, one transaction, with the database)',
    async () => {
      await waitForQuietMachine(log, { maxMs: 2 * 60_000, maxBusyPercent: 40 });
      const result = await measureBooking(database.url, practitioner.teamId);
      log(`  ${result.bookings} bookings: p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms`);
      return result;
    },
  );

  const continuity = await phase(
    'Continuity in-process (the team review, the busiest person’s ribbon, a team of 100 to 2,000 people)',
    async () => {
      await waitForQuietMachine(log, { maxMs: 2 * 60_000, maxBusyPercent: 40 });
      const result = await measureContinuity(database.url, practitioner.teamId);
      log(
        `  review of ${result.review.people} people: p50 ${result.review.p50Ms.toFixed(1)} ms; ribbon of ${result.ribbon.meetings} meetings: p50 ${result.ribbon.p50Ms.toFixed(1)} ms`,
      );
      return result;
    },
  );

  for (const scenario of scenarios) {
    await phase(
      `Load: ${scenario.name} (${scenario.connections} connections, ${warmupSeconds} s warm-up + ${seconds} s)`,
      async () => {
        await waitForQuietMachine(log, { maxMs: 5 * 60_000, maxBusyPercent: 40 });
        await scenario.prepare?.(ctx);
        if (queryStats) await resetQueryStats(sql);
        let cpuAtStart = { app: 0, postgres: 0, machine: machineTicks() };
        const result = await runLoad({
          onMeasureStart: () => {
            cpuAtStart = { app: groupCpuMs(server.pid), postgres: postgresCpuMs(), machine: machineTicks() };
          },
          connections: scenario.connections,
          warmupMs: warmupSeconds * 1000,
          durationMs: seconds * 1000,
          request: (n) => requestOf(ctx, scenario, n),
          check: (body) => scenario.check(body, ctx),
        });
        const cpu = {
          appMsPerRequest: (groupCpuMs(server.pid) - cpuAtStart.app) / Math.max(1, result.requests),
          postgresMsPerRequest: (postgresCpuMs() - cpuAtStart.postgres) / Math.max(1, result.requests),
          machineBusyPercent: busyPercentSince(cpuAtStart.machine),
        };
        const counted = queryStats ? await statementCount(sql) : undefined;
        const statements = counted && {
          perRequest: counted.statements / Math.max(1, result.sent),
          transactionControlPerRequest: counted.transactionControl / Math.max(1, result.sent),
        };
        const queries = queryStats ? await topQueries(sql) : [];
        log(
          `  ${result.requests} requests, p95 ${result.p95Ms.toFixed(1)} ms, ${result.errors} errors; ` +
            `app CPU ${cpu.appMsPerRequest.toFixed(1)} ms/request, PostgreSQL ${cpu.postgresMsPerRequest.toFixed(1)}; machine ${cpu.machineBusyPercent.toFixed(0)} % busy` +
            (statements ? `; ${statements.perRequest.toFixed(1)} SQL statements/request` : '') +
            `; body ${(result.bodyBytes.sent / 1024).toFixed(1)} kB gzipped, ${(result.bodyBytes.decoded / 1024).toFixed(1)} kB decoded`,
        );
        for (const e of result.errorSamples) log(`  error ×${e.count}: ${e.message}`);
        if (queries.length > 0) log(['  heaviest statements:', ...queryStatsLines(queries, result.sent)].join('\n'));
        const { name, connections, reference, cpuTarget, maxStatements, unloadedP95Ms, mix } = scenario;
        results.push({
          scenario: { name, connections, reference, cpuTarget, maxStatements, unloadedP95Ms, mix },
          result,
          cpu,
          statements,
          queries,
        });
      },
    );
  }
  // Unloaded: each scenario again at one connection, on a quiet machine (what a user waits).
  for (const [i, scenario] of scenarios.entries()) {
    await phase(`Unloaded: ${scenario.name} (1 connection, 1 s warm-up + ${unloadedSeconds} s)`, async () => {
      await waitForQuietMachine(log, { maxMs: 2 * 60_000, maxBusyPercent: 40 });
      await scenario.prepare?.(ctx);
      const unloaded = await runLoad({
        connections: 1,
        warmupMs: 1000,
        durationMs: unloadedSeconds * 1000,
        request: (n) => requestOf(ctx, scenario, n),
        check: (body) => scenario.check(body, ctx),
      });
      log(
        `  ${unloaded.requests} requests: p50 ${unloaded.p50Ms.toFixed(1)} ms, p95 ${unloaded.p95Ms.toFixed(1)} ms, ${unloaded.errors} errors`,
      );
      for (const e of unloaded.errorSamples) log(`  error ×${e.count}: ${e.message}`);
      results[i]!.unloaded = unloaded;
    });
  }
  assess(results);
  // The invitation page's JavaScript: every script it loads, gzipped.
  const invitationScripts = await phase('Invitation page JavaScript (gzipped)', async () => {
    const html = await (await fetch(`${server.baseUrl}${invitationPath(0)}`)).text();
    const sources = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    let bytes = inline.reduce((sum, code) => sum + gzipSync(code).length, 0);
    for (const src of sources)
      bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, server.baseUrl))).arrayBuffer())).length;
    log(
      `  ${sources.length} script files, ${inline.length} inline scripts: ${(bytes / 1024).toFixed(1)} kB gzipped (target ≤ 50 kB)`,
    );
    return { scripts: sources.length + inline.length, gzippedKb: bytes / 1024, pass: bytes / 1024 <= 50 };
  });
  const memoryPeak: MemoryPeak = memory.stop();
  await cleanUp();

  const report: BenchReport = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    phases,
    dataSteps,
    counts,
    practitioner: { email: practitioner.email, upcoming: practitioner.upcoming, shownOnToday: shown },
    scenarios: results,
    slotEngine,
    slotSearch: {
      ...slotSearch,
      targetP50Ms: SLOT_SEARCH_TARGET_P50_MS,
      pass: slotSearch.p50Ms <= SLOT_SEARCH_TARGET_P50_MS,
    },
    booking,
    continuity,
    invitationScripts,
    memory: { ...memoryPeak, targetMb: MEMORY_TARGET_MB, pass: memoryPeak.largestProcessMb <= MEMORY_TARGET_MB },
    capacity: capacity(results),
  };
  const jsonFile = path.join(benchDataDir, 'latest.json');
  writeJson(jsonFile, report);

  log('\n## Phases\n');
  for (const p of phases) log(`- ${p.name}: ${(p.ms / 1000).toFixed(1)} s`);
  log('\n## Data set\n');
  log(countsTable(counts));
  log('\n## Results\n');
  log(markdownTable(results));
  log('\n### CPU per request against the references (same run)\n');
  log(ratioTable(results));
  log('\n### Unloaded latency (1 connection)\n');
  log(unloadedTable(results));
  log('\n### Slot engine and in-process measurements\n');
  log(slotEngineLine(slotEngine));
  log(
    `\n| slot search (in-process, with the database) | searches | p50 ms | p95 ms | target | pass |\n|---|---:|---:|---:|---|---|\n` +
      `| 3 required + 2 optional, 28 days | ${slotSearch.searches} | ${slotSearch.p50Ms.toFixed(1)} | ${slotSearch.p95Ms.toFixed(1)} | p50 ≤ ${SLOT_SEARCH_TARGET_P50_MS} | ${report.slotSearch.pass ? 'PASS' : 'MISS'} |\n` +
      `| booking, 2 required, one transaction | ${booking.bookings} | ${booking.p50Ms.toFixed(1)} | ${booking.p95Ms.toFixed(1)} | p95 ≤ 50 | ${booking.p95Ms <= 50 ? 'PASS' : 'MISS'} |`,
  );
  log(
    `\n| continuity (in-process, with the database) | runs | p50 ms | p95 ms | target | pass |\n|---|---:|---:|---:|---|---|\n` +
      [
        { label: `team review, ${continuity.review.people} people`, t: continuity.review, target: 150 },
        { label: `one person's ribbon, ${continuity.ribbon.meetings} meetings`, t: continuity.ribbon },
        ...continuity.growth.map((g) => ({ label: `team review, scratch team of ${g.people}`, t: g, target: 150 })),
      ]
        .map(
          (r) =>
            `| ${r.label} | ${r.t.runs} | ${r.t.p50Ms.toFixed(1)} | ${r.t.p95Ms.toFixed(1)} | ${r.target ? `p50 ≤ ${r.target}` : '–'} | ${r.target ? (r.t.p50Ms <= r.target ? 'PASS' : 'MISS') : '–'} |`,
        )
        .join('\n'),
  );
  log(
    `\nInvitation page JavaScript: ${invitationScripts.scripts} scripts, ${invitationScripts.gzippedKb.toFixed(1)} kB gzipped (target ≤ 50 kB): ${invitationScripts.pass ? 'PASS' : 'MISS'}`,
  );
  log(`\n${memoryLine(report.memory)}`);
  log(`\n### Capacity\n\n${capacityStatement(report.capacity)}`);
  log(`\nWritten to ${path.relative(process.cwd(), jsonFile)}`);

  const errors = results.reduce((sum, r) => sum + r.result.errors + (r.unloaded?.errors ?? 0), 0);
  if (errors > 0) {
    console.error(`\n${errors} request(s) failed: the bench fails.`);
    return 1;
  }
  return 0;
}

/**
 * BENCH_PROFILE: each chosen scenario on a fresh app under `node --cpu-prof`, at its own
 * connections for BENCH_SECONDS after the warm-up; the profile is written when the app exits and
 * summarised by layer (bench/profile.ts). The sign-in and warm-up are in the profile too.
 */
async function profileScenarios(databaseUrl: string, words: string[]) {
  const chosen = scenarios.filter((s) => words.some((w) => s.name.toLowerCase().includes(w)));
  if (chosen.length === 0)
    throw new Error(`BENCH_PROFILE matches no scenario: ${scenarios.map((s) => s.name).join('; ')}`);
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  cleanups.push({ name: 'the bench connection', sync: () => {}, async: () => sql.end({ timeout: 5 }) });
  const practitioner = await pickPractitioner(sql);
  const summaries: string[] = [];
  for (const scenario of chosen) {
    const dir = path.join(benchDataDir, 'profiles', scenario.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
    fs.rmSync(dir, { recursive: true, force: true });
    await phase(`Profile: ${scenario.name} (${scenario.connections} connections, ${seconds} s)`, async () => {
      await waitForQuietMachine(log, { maxMs: 5 * 60_000, maxBusyPercent: 40 });
      const server = await startApp({
        port: await freePort(),
        databaseUrl,
        logFile: path.join(benchDataDir, 'server.log'),
        cpuProfileDir: dir,
      });
      try {
        const cookie = await signIn(server.baseUrl, practitioner.email, BENCH_PASSWORD);
        const ctx: BenchContext = { baseUrl: server.baseUrl, sql, practitioner, cookie };
        await scenario.prepare?.(ctx);
        const result = await runLoad({
          connections: scenario.connections,
          warmupMs: warmupSeconds * 1000,
          durationMs: seconds * 1000,
          request: (n) => requestOf(ctx, scenario, n),
          check: (body) => scenario.check(body, ctx),
        });
        log(
          `  ${result.sent} requests sent, p95 ${result.p95Ms.toFixed(1)} ms, ${result.errors} errors; body ${(result.bodyBytes.decoded / 1024).toFixed(1)} kB decoded`,
        );
        await server.stop();
        const file = largestProfile(dir);
        if (!file) throw new Error(`no profile written in ${dir}; see ${server.logFile}`);
        const summary = profileMarkdown(scenario.name, summariseProfile(file), result.sent);
        log(`  ${path.relative(process.cwd(), file)}\n\n${summary}`);
        summaries.push(summary);
      } finally {
        await server.stop();
      }
    });
  }
  log(`\n## Profiles\n\n${summaries.join('\n\n')}`);
}

// Exits explicitly: whatever is left (a socket, a timer) must not keep a finished bench alive.
void main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`\nThe bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanUp();
    process.exit(1);
  },
);
