import type { BookingResult } from './booking';
import type { SlotSearchResult } from './slot-search';
import type { ContinuityResult } from './continuity';
import fs from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';
import type { MemoryPeak } from './memory';
import type { QueryStat } from './query-stats';
import type { Reference, Scenario } from './scenarios';
import type { SlotEngineResult } from './slot-engine';
import type { Step } from './trust-scale-data';

export const MEMORY_TARGET_MB = 512;
export const SLOT_SEARCH_TARGET_P50_MS = 5;

export type ScenarioResult = {
  scenario: Pick<
    Scenario,
    'name' | 'connections' | 'reference' | 'cpuTarget' | 'maxStatements' | 'unloadedP95Ms' | 'mix'
  >;
  /** Under load, at the scenario's connections. */
  result: LoadResult;
  /**
   * CPU time of the app's process group and of PostgreSQL per measured request (independent of
   * contention), and how busy the whole machine was (all cores; the load generator counts).
   */
  cpu: { appMsPerRequest: number; postgresMsPerRequest: number; machineBusyPercent: number };
  /** Statements the app sent per request (warm-up included), when pg_stat_statements is there. */
  statements?: { perRequest: number; transactionControlPerRequest: number };
  /** The app's heaviest statements during the scenario, when pg_stat_statements is there. */
  queries: QueryStat[];
  /** At one connection: what a user waits when the machine is not saturated. */
  unloaded?: LoadResult;
  /** Against the targets, filled in by `assess` once the references are measured. */
  assessment?: Assessment;
};

export type Assessment = {
  /** App CPU per request as a multiple of the reference's. */
  cpuRatio?: { of: string; ratio: number; max: number; pass: boolean };
  statements?: { perRequest: number; max: number; pass: boolean };
  unloaded?: { p95Ms: number; max: number; pass: boolean };
};

export type SlotEngineSummary = SlotEngineResult;

export type Capacity = {
  /** App + PostgreSQL CPU ms per page view at the mix. */
  cpuMsPerPageView: number;
  pageCpuMs: number;
  slotSearchCpuMs: number;
  reviewCpuMs: number;
  practitionersPerInstance: number;
  trustPractitioners: number;
  instancesForTrust: number;
  trustShareOfOneInstance: number;
};

export type BenchReport = {
  at: string;
  machine: { cpus: number; node: string };
  phases: Step[];
  dataSteps: Step[];
  counts: Record<string, number>;
  practitioner: { email: string; upcoming: number; shownOnToday: number };
  scenarios: ScenarioResult[];
  slotEngine: SlotEngineSummary;
  slotSearch: SlotSearchResult & { targetP50Ms: number; pass: boolean };
  booking: BookingResult;
  continuity: ContinuityResult;
  invitationScripts: { scripts: number; gzippedKb: number; pass: boolean };
  memory: (MemoryPeak & { targetMb: number; pass: boolean }) | undefined;
  capacity: Capacity | undefined;
};

const referenceNames: Record<Reference, string> = { health: '/api/health', 'sign-in': 'sign-in page' };

/** Each scenario against its targets; the ratios use the references' CPU from the same run. */
export function assess(results: ScenarioResult[]): void {
  const referenceCpu = new Map<Reference, number>();
  for (const r of results) if (r.scenario.reference) referenceCpu.set(r.scenario.reference, r.cpu.appMsPerRequest);
  for (const r of results) {
    const a: Assessment = {};
    const t = r.scenario.cpuTarget;
    const base = t && referenceCpu.get(t.of);
    if (t && base) {
      const ratio = r.cpu.appMsPerRequest / base;
      a.cpuRatio = { of: referenceNames[t.of], ratio, max: t.max, pass: ratio <= t.max };
    }
    if (r.scenario.maxStatements !== undefined && r.statements)
      a.statements = {
        perRequest: r.statements.perRequest,
        max: r.scenario.maxStatements,
        pass: r.statements.perRequest <= r.scenario.maxStatements,
      };
    if (r.scenario.unloadedP95Ms !== undefined && r.unloaded)
      a.unloaded = {
        p95Ms: r.unloaded.p95Ms,
        max: r.scenario.unloadedP95Ms,
        pass: r.unloaded.errors === 0 && r.unloaded.p95Ms <= r.scenario.unloadedP95Ms,
      };
    r.assessment = a;
  }
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

/** Latency and throughput under load; no targets (the absolute ones were withdrawn, issue 14). */
export function markdownTable(results: ScenarioResult[]): string {
  const lines = [
    '| scenario (under load) | connections | requests | req/s | p50 ms | p95 ms | p99 ms | errors | body kB (gzipped / decoded) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { scenario, result } of results) {
    lines.push(
      `| ${scenario.name} | ${scenario.connections} | ${result.requests} | ${result.requestsPerSecond.toFixed(1)} | ${ms(result.p50Ms)} | ${ms(result.p95Ms)} | ${ms(result.p99Ms)} | ${result.errors} | ${(result.bodyBytes.sent / 1024).toFixed(1)} / ${(result.bodyBytes.decoded / 1024).toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

/** CPU per request and its ratio to the reference's, and SQL statements per request, against the targets. */
export function ratioTable(results: ScenarioResult[]): string {
  const lines = [
    '| scenario | app CPU ms/request | PostgreSQL CPU ms/request | machine busy % | ratio | target | pass | SQL statements/request | target | pass |',
    '|---|---:|---:|---:|---:|---|---|---:|---|---|',
  ];
  for (const r of results) {
    const c = r.assessment?.cpuRatio;
    const s = r.assessment?.statements;
    const ratio = r.scenario.reference ? `reference` : c ? `${c.ratio.toFixed(2)}× ${c.of}` : '–';
    const statements = r.statements
      ? `${r.statements.perRequest.toFixed(1)}${r.statements.transactionControlPerRequest >= 0.05 ? ` (${r.statements.transactionControlPerRequest.toFixed(1)} begin/commit)` : ''}`
      : '–';
    lines.push(
      `| ${r.scenario.name} | ${r.cpu.appMsPerRequest.toFixed(1)} | ${r.cpu.postgresMsPerRequest.toFixed(1)} | ${r.cpu.machineBusyPercent.toFixed(0)} | ${ratio} | ${c ? `≤ ${c.max}×` : '–'} | ${c ? verdict(c.pass) : '–'} | ${statements} | ${s ? `≤ ${s.max}` : '–'} | ${s ? verdict(s.pass) : '–'} |`,
    );
  }
  return lines.join('\n');
}

/** Latency at one connection, against p95 ≤ 50 ms for a page (≤ 20 ms for the invitation page). */
export function unloadedTable(results: ScenarioResult[]): string {
  const lines = [
    '| scenario (1 connection) | requests | p50 ms | p95 ms | p99 ms | errors | target | pass |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of results) {
    const u = r.unloaded;
    if (!u) continue;
    const a = r.assessment?.unloaded;
    lines.push(
      `| ${r.scenario.name} | ${u.requests} | ${ms(u.p50Ms)} | ${ms(u.p95Ms)} | ${ms(u.p99Ms)} | ${u.errors} | ${a ? `p95 ≤ ${a.max}` : '–'} | ${a ? verdict(a.pass) : '–'} |`,
    );
  }
  return lines.join('\n');
}

/** The capacity statement's assumptions. */
export const CAPACITY = {
  cores: 2,
  /** Of the cores' time, what the app and PostgreSQL may use before queues make pages wait. */
  utilisation: 0.5,
  pageViewsPerMinute: 1,
  slotSearchShare: 0.1,
  reviewShare: 0.01,
  trustPractitioners: 750,
};

/**
 * How many practitioners one 2-core instance serves (the app and PostgreSQL on it), from the
 * measured app + PostgreSQL CPU per request: each practitioner views one page a minute, one in
 * ten of them the booking page with its slot search, one in a hundred the continuity review, the
 * rest spread evenly over the everyday signed-in pages measured; the instance runs at half its
 * CPU, so pages wait about as long as unloaded.
 */
export function capacity(results: ScenarioResult[]): Capacity | undefined {
  const cost = (r: ScenarioResult) => r.cpu.appMsPerRequest + r.cpu.postgresMsPerRequest;
  const pages = results.filter((r) => r.scenario.mix === 'page');
  const search = results.find((r) => r.scenario.mix === 'slot-search');
  const review = results.find((r) => r.scenario.mix === 'review');
  if (pages.length === 0 || !search || !review) return undefined;
  const pageCpuMs = pages.reduce((sum, r) => sum + cost(r), 0) / pages.length;
  const slotSearchCpuMs = cost(search);
  const reviewCpuMs = cost(review);
  const pageShare = 1 - CAPACITY.slotSearchShare - CAPACITY.reviewShare;
  const cpuMsPerPageView =
    pageShare * pageCpuMs + CAPACITY.slotSearchShare * slotSearchCpuMs + CAPACITY.reviewShare * reviewCpuMs;
  const budgetMsPerMinute = CAPACITY.cores * CAPACITY.utilisation * 60_000;
  const practitionersPerInstance = Math.floor(budgetMsPerMinute / (cpuMsPerPageView * CAPACITY.pageViewsPerMinute));
  const demandMsPerMinute = CAPACITY.trustPractitioners * CAPACITY.pageViewsPerMinute * cpuMsPerPageView;
  return {
    cpuMsPerPageView,
    pageCpuMs,
    slotSearchCpuMs,
    reviewCpuMs,
    practitionersPerInstance,
    trustPractitioners: CAPACITY.trustPractitioners,
    instancesForTrust: Math.max(1, Math.ceil(CAPACITY.trustPractitioners / Math.max(1, practitionersPerInstance))),
    trustShareOfOneInstance: demandMsPerMinute / (CAPACITY.cores * 60_000),
  };
}

export function capacityStatement(c: Capacity | undefined): string {
  if (!c) return 'Capacity: not computed (a signed-in page, the booking page or the review was not measured).';
  const pct = (n: number) => `${(100 * n).toFixed(0)} %`;
  const pageShare = 1 - CAPACITY.slotSearchShare - CAPACITY.reviewShare;
  return [
    `Capacity: at ${CAPACITY.pageViewsPerMinute} page a minute per practitioner — ${pct(pageShare)} the everyday signed-in pages measured, evenly ` +
      `(${c.pageCpuMs.toFixed(1)} ms app + PostgreSQL CPU on average), ${pct(CAPACITY.slotSearchShare)} the booking page with its slot search ` +
      `(${c.slotSearchCpuMs.toFixed(1)} ms), ${pct(CAPACITY.reviewShare)} the team's continuity review (${c.reviewCpuMs.toFixed(1)} ms) — ` +
      `a page view costs ${c.cpuMsPerPageView.toFixed(1)} ms of CPU.`,
    `One ${CAPACITY.cores}-core instance running the app and PostgreSQL, kept at ${pct(CAPACITY.utilisation)} of its CPU so pages wait about as long as unloaded, ` +
      `serves about ${c.practitionersPerInstance.toLocaleString('en-GB')} practitioners working at once.`,
    `A trust of ${c.trustPractitioners} practitioners, all at work at the same time, uses ${pct(c.trustShareOfOneInstance)} of one such instance's CPU: ` +
      `${c.instancesForTrust === 1 ? 'one instance serves it' : `it needs ${c.instancesForTrust} instances`}. ` +
      `Not counted: the load generator, which shares the cores in this bench; background work (e-mail, exports); public invitation pages (a few a day per meeting).`,
  ].join('\n');
}

export function slotEngineLine(r: SlotEngineSummary): string {
  return [
    '| slot engine alone (no database) | runs | median ms | p95 ms | target | pass |',
    '|---|---:|---:|---:|---|---|',
    `| ${r.input} (${r.slots} slots) | ${r.runs} | ${r.medianMs.toFixed(2)} | ${r.p95Ms.toFixed(2)} | median ≤ ${r.targetMedianMs} | ${verdict(r.pass)} |`,
  ].join('\n');
}

export function countsTable(counts: Record<string, number>): string {
  return [
    '| table | rows |',
    '|---|---:|',
    ...Object.entries(counts).map(([t, n]) => `| ${t} | ${n.toLocaleString('en-GB')} |`),
  ].join('\n');
}

export function memoryLine(memory: BenchReport['memory']): string {
  if (!memory) return 'Memory: not measured.';
  return (
    `Peak RSS: largest process ${memory.largestProcessMb.toFixed(0)} MB (${memory.largestProcessName}), ` +
    `whole process group ${memory.groupMb.toFixed(0)} MB; target ≤ ${memory.targetMb} MB: ${memory.pass ? 'PASS' : 'MISS'} ` +
    `(${memory.samples} samples)`
  );
}

export function writeJson(file: string, report: BenchReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
